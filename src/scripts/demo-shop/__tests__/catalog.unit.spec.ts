import { attributeProblems, isValidHuid } from "../../../lib/jewelry-attributes"
import { demoCatalog } from "../catalog"

describe("demo catalogue", () => {
  const catalog = demoCatalog()
  const pieces = catalog.flatMap((p) => p.variants)

  it("is the same on every run (fixed seed)", () => {
    expect(demoCatalog()).toEqual(catalog)
  })

  it("has about 300 pieces across every category and metal", () => {
    expect(pieces.length).toBeGreaterThanOrEqual(250)
    expect(pieces.length).toBeLessThanOrEqual(320)
    expect(new Set(catalog.map((p) => p.category)).size).toBe(8)
    expect(new Set(pieces.map((p) => p.metal))).toEqual(new Set(["gold", "silver", "platinum"]))
  })

  it("only holds pieces whose attributes pass the rules, with unique tags, SKUs and HUIDs", () => {
    for (const piece of pieces) {
      expect(attributeProblems({ ...piece, stones: piece.stones ?? [], stone_weight_mg: piece.stone_weight_mg ?? 0 })).toEqual([])
    }
    const huids = pieces.map((p) => p.huid).filter((h): h is string => !!h)
    expect(huids.every(isValidHuid)).toBe(true)
    expect(new Set(huids).size).toBe(huids.length)
    expect(new Set(pieces.map((p) => p.tag_code)).size).toBe(pieces.length)
    expect(new Set(catalog.map((p) => p.handle)).size).toBe(catalog.length)
  })

  it("stocks a piece once at one branch at most, and only coins and silverware by count, without a HUID", () => {
    const lines = catalog.flatMap((p) => p.variants.map((v, i) => ({ category: p.category, unit: v.stock_unit, huid: v.huid, stock: p.stock[i] })))
    const pieceLines = lines.filter((l) => l.unit === "piece")
    for (const line of pieceLines) {
      expect(Object.values(line.stock).reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(1)
    }
    // Most pieces are in stock somewhere; some are sold out.
    const inStock = pieceLines.filter((l) => Object.keys(l.stock).length).length
    expect(inStock / pieceLines.length).toBeGreaterThan(0.8)
    expect(inStock).toBeLessThan(pieceLines.length)
    const countedLines = lines.filter((l) => l.unit === "count")
    expect(new Set(countedLines.map((l) => l.category))).toEqual(new Set(["coins-bars", "silverware"]))
    expect(countedLines.every((l) => l.huid === null)).toBe(true)
    expect(lines.filter((l) => ["coins-bars", "silverware"].includes(l.category)).every((l) => l.unit === "count")).toBe(true)
  })
})
