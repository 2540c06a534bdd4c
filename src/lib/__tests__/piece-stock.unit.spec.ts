import { intakeQuantityProblem, pieceLevelProblem, splitLocations, splitProblem } from "../piece-stock"
import { attributeProblems } from "../jewelry-attributes"

const names: Record<string, string> = { sloc_mum: "Mumbai", sloc_pun: "Pune" }
const name = (id: string) => names[id] ?? id

describe("one piece per tag", () => {
  it("takes a piece in as one article, and counted goods by the count", () => {
    expect(intakeQuantityProblem("piece", 1)).toBeNull()
    expect(intakeQuantityProblem("piece", 0)).toBeNull()
    expect(intakeQuantityProblem("piece", 13)).toMatch(/^a tagged piece is one article, so its quantity is 1 \(or 0\); give each of the 13 articles its own tag/)
    expect(intakeQuantityProblem("count", 250)).toBeNull()
    expect(intakeQuantityProblem("count", 10_001)).toBe("must be a whole number from 0 to 10000")
    expect(intakeQuantityProblem("count", 1.5)).toBe("must be a whole number from 0 to 10000")
  })

  it("never counts a hallmarked article", () => {
    const ring = { metal: "gold" as const, purity: 916, gross_weight_mg: 4100, net_weight_mg: 4100, stone_weight_mg: 0, stones: [] }
    expect(attributeProblems({ ...ring, huid: "AB12CD", stock_unit: "piece" })).toEqual([])
    expect(attributeProblems({ ...ring, huid: null, stock_unit: "count" })).toEqual([])
    expect(attributeProblems({ ...ring, huid: "AB12CD", stock_unit: "count" })).toEqual([
      "A HUID marks one hallmarked article, so a piece with HUID AB12CD is stocked as a piece, not counted",
    ])
  })

  it("lets Medusa's stock routes lower a piece but never raise it", () => {
    const atMumbai = [
      { location_id: "sloc_mum", stocked_quantity: 1 },
      { location_id: "sloc_pun", stocked_quantity: 0 },
    ]
    // Writing it off, or setting what it already holds, is allowed; a field other than the count is not a raise.
    expect(pieceLevelProblem("SGJ-R-1", atMumbai, [{ location_id: "sloc_mum", stocked_quantity: 0 }], name)).toBeNull()
    expect(pieceLevelProblem("SGJ-R-1", atMumbai, [{ location_id: "sloc_mum", stocked_quantity: 1 }], name)).toBeNull()
    expect(pieceLevelProblem("SGJ-R-1", atMumbai, [{ location_id: "sloc_pun" }], name)).toBeNull()
    // A second place, or a second article at the same place.
    expect(pieceLevelProblem("SGJ-R-1", atMumbai, [{ location_id: "sloc_pun", stocked_quantity: 1 }], name)).toBe(
      "SGJ-R-1 is one piece (in stock at Mumbai); its stock at Pune cannot be raised to 1 here. " +
        "A piece comes into stock by intake, a transfer received, a memo or sale returned, or a stock audit."
    )
    expect(pieceLevelProblem("SGJ-R-1", atMumbai, [{ location_id: "sloc_mum", stocked_quantity: 2 }], name)).toMatch(/its stock at Mumbai cannot be raised to 2 here/)
    // A sold piece stays sold: a new level at a place it never was counts from 0.
    expect(pieceLevelProblem("SGJ-R-1", [], [{ location_id: "sloc_blr", stocked_quantity: 1 }], name)).toMatch(/^SGJ-R-1 is one piece \(in stock nowhere\); its stock at sloc_blr/)
  })
})

describe("splitting a tag that holds several articles", () => {
  const tag = { tag_code: "OLD-R-1", stock_unit: "piece" as const, hallmarked: true, in_stock: 3 }
  it("gives every article but the one keeping the tag a tag of its own, a hallmarked one its HUID", () => {
    expect(splitProblem(tag, [{ huid: "AB12CD" }, { huid: "AB12CE" }])).toBeNull()
    expect(splitProblem(tag, [{ huid: "AB12CD" }])).toBe("OLD-R-1 holds 3 articles in stock: it keeps one, so give the other 2 a tag each (1 given)")
    expect(splitProblem(tag, [{ huid: "AB12CD" }, {}])).toMatch(/is hallmarked: each of its articles has a HUID of its own/)
    expect(splitProblem({ ...tag, hallmarked: false }, [{}, {}])).toBeNull()
    expect(splitProblem({ ...tag, in_stock: 1 }, [])).toBe("OLD-R-1 holds one article; there is nothing to split")
    expect(splitProblem({ ...tag, stock_unit: "count" }, [{}, {}])).toMatch(/is counted goods/)
  })

  it("leaves each article where it is: the tag keeps the first, the new tags the rest in turn", () => {
    expect(splitLocations([{ location_id: "MUM", stocked_quantity: 2 }, { location_id: "PUN", stocked_quantity: 0 }, { location_id: "BLR", stocked_quantity: 1 }])).toEqual({
      keeps: "MUM",
      articles: ["MUM", "BLR"],
    })
  })
})
