import { ageingCutoffs, moverFigures, stockTotals, valueStock, type StockGroup } from "../stock-valuation"

const ageing = (over: Partial<StockGroup["ageing"]> = {}) => ({ "0-90": 0, "91-180": 0, "181-365": 0, "365+": 0, ...over })
const group = (over: Partial<StockGroup>): StockGroup => ({
  key: "rings",
  branch_id: "br_mum",
  metal: "gold",
  purity: 916,
  pieces: 1,
  gross_weight_mg: 4_500,
  net_weight_mg: 4_240,
  price_paise: 32_673_92,
  cost_paise: 0,
  costed_pieces: 0,
  ageing: ageing({ "0-90": 1 }),
  ...over,
})
const rates = [
  { metal: "gold" as const, purity: 999, rate_per_g_paise: 7_910_00, branch_id: null },
  { metal: "gold" as const, purity: 916, rate_per_g_paise: 7_245_50, branch_id: null },
  { metal: "gold" as const, purity: 916, rate_per_g_paise: 7_260_00, branch_id: "br_pun" },
]

describe("valueStock", () => {
  it("values net weight at the branch's rate, else the shop's: 4.240 g of 22K at ₹7,245.50 is ₹30,720.92; at Pune's ₹7,260, ₹30,782.40", () => {
    expect(valueStock([group({})], rates)[0].metal_value_paise).toBe(30_720_92)
    expect(valueStock([group({ branch_id: "br_pun" })], rates)[0].metal_value_paise).toBe(30_782_40)
  })

  it("derives a purity without a rate of its own from the 999 rate, as the catalogue prices it: 18K (750) at ₹7,910 × 750/999 = ₹5,938.44/g", () => {
    // 10 g × 593 844 paise/g = ₹59,384.40
    expect(valueStock([group({ purity: 750, net_weight_mg: 10_000 })], rates)[0].metal_value_paise).toBe(59_384_40)
  })

  it("sums a key's branches and purities, counts pieces of a metal with no rate apart, and adds up the ageing buckets", () => {
    const rows = valueStock(
      [
        group({}),
        group({ branch_id: "br_pun", pieces: 2, net_weight_mg: 8_480, gross_weight_mg: 9_000, price_paise: 65_347_84, cost_paise: 2 * 27_500_00, costed_pieces: 2, ageing: ageing({ "365+": 2 }) }),
        group({ metal: "platinum", purity: 950, pieces: 1, net_weight_mg: 5_000, price_paise: 20_000_00, ageing: ageing({ "91-180": 1 }) }),
        group({ key: "chains" }),
      ],
      rates
    )
    expect(rows.map((r) => r.key)).toEqual(["rings", "chains"])
    expect(rows[0]).toEqual({
      key: "rings",
      pieces: 4,
      gross_weight_mg: 18_000,
      net_weight_mg: 17_720,
      metal_value_paise: 30_720_92 + 61_564_80,
      unvalued_pieces: 1,
      price_paise: 32_673_92 + 65_347_84 + 20_000_00,
      // Two of the four pieces have a cost (₹27,500 each): the rest are not guessed at.
      cost_paise: 55_000_00,
      costed_pieces: 2,
      ageing: { "0-90": 1, "91-180": 1, "181-365": 0, "365+": 2 },
    })
    expect(stockTotals(rows)).toMatchObject({ pieces: 5, unvalued_pieces: 1, cost_paise: 55_000_00, costed_pieces: 2, ageing: { "0-90": 2, "91-180": 1, "181-365": 0, "365+": 2 } })
  })
})

describe("ageingCutoffs", () => {
  it("starts each bucket at 00:00 India time: on 4 December 2026 (any hour), 90 days back is 5 September, 365 days back 4 December 2025", () => {
    for (const now of [new Date("2026-12-03T18:30:00Z"), new Date("2026-12-04T18:29:59Z")]) {
      expect(ageingCutoffs(now).map((d) => d.toISOString())).toEqual(["2026-09-04T18:30:00.000Z", "2026-06-06T18:30:00.000Z", "2025-12-03T18:30:00.000Z"])
    }
  })
})

describe("fast and slow movers", () => {
  it("gives the share sold of what was on hand and the days the stock would last at the window's pace", () => {
    expect(moverFigures(6, 2, 90)).toEqual({ sell_through: 0.75, days_of_cover: 30 })
    expect(moverFigures(0, 5, 90)).toEqual({ sell_through: 0, days_of_cover: null })
    expect(moverFigures(3, 0, 90)).toEqual({ sell_through: 1, days_of_cover: 0 })
    expect(moverFigures(0, 0, 90)).toEqual({ sell_through: null, days_of_cover: null })
    // 7 sold in 30 days, 3 left: 70 % sold through, 12.9 days.
    expect(moverFigures(7, 3, 30)).toEqual({ sell_through: 0.7, days_of_cover: 12.9 })
  })
})
