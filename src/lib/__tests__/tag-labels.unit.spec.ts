import { labelLines, labelPlacements, labelStock, purityLabel } from "../tag-labels"

describe("tag labels", () => {
  it("puts a label a page on a roll, and fills a sheet of 65 row by row from the first unused label", () => {
    expect(labelPlacements(labelStock("barbell_95x12"), 2)).toEqual([
      { page: 0, x_mm: 0, y_mm: 0 },
      { page: 1, x_mm: 0, y_mm: 0 },
    ])
    const sheet = labelStock("a4_65")
    const placed = labelPlacements(sheet, 67)
    // 5 across at a 40.6 mm pitch from 4.75 mm, 13 down at 21.2 mm from 10.7 mm.
    expect(placed.slice(0, 2)).toEqual([
      { page: 0, x_mm: 4.75, y_mm: 10.7 },
      { page: 0, x_mm: 45.35, y_mm: 10.7 },
    ])
    expect(placed[5]).toEqual({ page: 0, x_mm: 4.75, y_mm: 31.9 })
    expect(placed[64]).toEqual({ page: 0, x_mm: 167.15, y_mm: 265.1 })
    expect(placed[65]).toEqual({ page: 1, x_mm: 4.75, y_mm: 10.7 })
    // 63 used on the sheet in the printer: the first two go in its last two places, the rest on a new one.
    expect(labelPlacements(sheet, 3, 63)).toEqual([
      { page: 0, x_mm: 126.55, y_mm: 265.1 },
      { page: 0, x_mm: 167.15, y_mm: 265.1 },
      { page: 1, x_mm: 4.75, y_mm: 10.7 },
    ])
    expect(() => labelStock("a5")).toThrow(/Unknown label stock "a5"/)
  })

  it("says purity the way the counter does, and the weights to the milligram", () => {
    expect([purityLabel("gold", 916), purityLabel("gold", 999), purityLabel("gold", 833), purityLabel("silver", 925), purityLabel("platinum", 950)]).toEqual([
      "22K 916",
      "24K 999",
      "Gold 833",
      "Silver 925",
      "Pt 950",
    ])
    const ring = { tag_code: "SGJ-R-1", metal: "gold", purity: 916, gross_weight_mg: 4_320, net_weight_mg: 4_240, stone_weight_mg: 80, huid: "AB12CD", price_paise: 32_67_392 }
    expect(labelLines(ring)).toEqual(["22K 916", "G 4.320 g", "N 4.240 g", "St 0.080 g", "HUID AB12CD"])
    // The price only when asked for, to the rupee in Indian grouping: ₹32,673.92 → Rs 32,674.
    expect(labelLines(ring, { price: true }).at(-1)).toBe("Rs 32,674")
    expect(labelLines({ ...ring, stone_weight_mg: 0, huid: null, price_paise: 1_23_45_600 }, { price: true })).toEqual(["22K 916", "G 4.320 g", "N 4.240 g", "Rs 1,23,456"])
  })
})
