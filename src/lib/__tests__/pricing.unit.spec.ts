/**
 * The worked examples of docs/pricing.md. Expected figures were worked out
 * by hand (decimal arithmetic, half-up to the paisa per line), not by the
 * code under test. Amounts are paise.
 */
import { priceJewelry, priceStoredPiece, ratesInForceAt, resolveMetalRate, type PricingInput, type PublishedRate } from "../pricing"

const MH = "27"
const KA = "29"
const DL = "07"

const counterSale = { branch_state_code: MH, supply_state_code: MH }
const toKarnataka = { branch_state_code: MH, supply_state_code: KA }

type Expected = {
  metal: number
  wastage: number
  making: number
  stones: number
  other: number
  discount: number
  taxable: number
  cgst: number
  sgst: number
  igst: number
  total: number
  invoice: number
  roundOff: number
}

const examples: [string, PricingInput, Expected][] = [
  [
    "1. 22K ring, per-gram making, hallmark fee, counter sale in Mumbai",
    { rate_per_g_paise: 724550, net_weight_mg: 8350, making: { type: "per_gram", amount_paise: 45000 }, other_charges_paise: 4500, ...counterSale },
    { metal: 6049993, wastage: 0, making: 375750, stones: 0, other: 4500, discount: 0, taxable: 6430243, cgst: 96454, sgst: 96454, igst: 0, total: 6623151, invoice: 6623200, roundOff: 49 },
  ],
  [
    "2. the same ring delivered to Karnataka: IGST, and a total ending in exactly 50 paise rounds up",
    { rate_per_g_paise: 724550, net_weight_mg: 8350, making: { type: "per_gram", amount_paise: 45000 }, other_charges_paise: 4500, ...toKarnataka },
    { metal: 6049993, wastage: 0, making: 375750, stones: 0, other: 4500, discount: 0, taxable: 6430243, cgst: 0, sgst: 0, igst: 192907, total: 6623150, invoice: 6623200, roundOff: 50 },
  ],
  [
    "3. 22K chain with 8 % wastage and per-gram making",
    { rate_per_g_paise: 724550, net_weight_mg: 12500, wastage_bp: 800, making: { type: "per_gram", amount_paise: 30000 }, ...counterSale },
    { metal: 9056875, wastage: 724550, making: 375000, stones: 0, other: 0, discount: 0, taxable: 10156425, cgst: 152346, sgst: 152346, igst: 0, total: 10461117, invoice: 10461100, roundOff: -17 },
  ],
  [
    "4. 18K diamond pendant: 15 % making, diamonds per carat, a ruby at a fixed price, certificate fee, sent to Delhi",
    {
      rate_per_g_paise: 593500,
      net_weight_mg: 2100,
      making: { type: "percent", basis_points: 1500 },
      stones: [
        { type: "diamond", count: 12, weight_mct: 360, price_per_carat_paise: 6500000 },
        { type: "ruby", count: 1, weight_mct: 100, fixed_price_paise: 120000 },
      ],
      other_charges_paise: 50000,
      branch_state_code: MH,
      supply_state_code: DL,
    },
    { metal: 1246350, wastage: 0, making: 186953, stones: 2460000, other: 50000, discount: 0, taxable: 3943303, cgst: 0, sgst: 0, igst: 118299, total: 4061602, invoice: 4061600, roundOff: -2 },
  ],
  [
    "5. 14K ring at the derived 585 rate (₹4,596.85) with 12 % making",
    { rate_per_g_paise: 459685, net_weight_mg: 5000, making: { type: "percent", basis_points: 1200 }, ...counterSale },
    { metal: 2298425, wastage: 0, making: 275811, stones: 0, other: 0, discount: 0, taxable: 2574236, cgst: 38614, sgst: 38614, igst: 0, total: 2651464, invoice: 2651500, roundOff: 36 },
  ],
  [
    "6. silver 925 pooja thali (HSN 7114) at the derived rate ₹87.96 with flat making",
    { rate_per_g_paise: 8796, net_weight_mg: 180000, making: { type: "flat", amount_paise: 150000 }, hsn: "7114", ...counterSale },
    { metal: 1583280, wastage: 0, making: 150000, stones: 0, other: 0, discount: 0, taxable: 1733280, cgst: 25999, sgst: 25999, igst: 0, total: 1785278, invoice: 1785300, roundOff: 22 },
  ],
  [
    "7. silver 925 anklets at the published ₹88.50 with 5 % wastage, to Karnataka",
    { rate_per_g_paise: 8850, net_weight_mg: 42000, wastage_bp: 500, making: { type: "per_gram", amount_paise: 2500 }, ...toKarnataka },
    { metal: 371700, wastage: 18585, making: 105000, stones: 0, other: 0, discount: 0, taxable: 495285, cgst: 0, sgst: 0, igst: 14859, total: 510144, invoice: 510100, roundOff: -44 },
  ],
  [
    "8. platinum 950 band with 18 % making",
    { rate_per_g_paise: 315000, net_weight_mg: 6200, making: { type: "percent", basis_points: 1800 }, ...counterSale },
    { metal: 1953000, wastage: 0, making: 351540, stones: 0, other: 0, discount: 0, taxable: 2304540, cgst: 34568, sgst: 34568, igst: 0, total: 2373676, invoice: 2373700, roundOff: 24 },
  ],
  [
    "9. 24K 10 g coin: CGST and SGST exact, total ends in 50 paise",
    { rate_per_g_paise: 785000, net_weight_mg: 10000, making: { type: "flat", amount_paise: 35000 }, hsn: "7118", ...counterSale },
    { metal: 7850000, wastage: 0, making: 35000, stones: 0, other: 0, discount: 0, taxable: 7885000, cgst: 118275, sgst: 118275, igst: 0, total: 8121550, invoice: 8121600, roundOff: 50 },
  ],
  [
    "10. rounding: a metal value of exactly half a paisa rounds up, making rounds down",
    { rate_per_g_paise: 724550, net_weight_mg: 1001, making: { type: "per_gram", amount_paise: 33333 }, ...counterSale },
    { metal: 725275, wastage: 0, making: 33366, stones: 0, other: 0, discount: 0, taxable: 758641, cgst: 11380, sgst: 11380, igst: 0, total: 781401, invoice: 781400, roundOff: -1 },
  ],
  [
    "11. 22K bangle with 6 % wastage and a ₹2,000 offer discount",
    { rate_per_g_paise: 724550, net_weight_mg: 18000, wastage_bp: 600, making: { type: "per_gram", amount_paise: 35000 }, discount_paise: 200000, ...counterSale },
    { metal: 13041900, wastage: 782514, making: 630000, stones: 0, other: 0, discount: 200000, taxable: 14254414, cgst: 213816, sgst: 213816, igst: 0, total: 14682046, invoice: 14682000, roundOff: -46 },
  ],
  [
    "12. loose diamond (HSN 7102) at 0.25 % GST, inter-state",
    { rate_per_g_paise: 0, net_weight_mg: 0, making: { type: "flat", amount_paise: 0 }, stones: [{ type: "diamond", count: 1, weight_mct: 500, price_per_carat_paise: 9000000 }], hsn: "7102", ...toKarnataka },
    { metal: 0, wastage: 0, making: 0, stones: 4500000, other: 0, discount: 0, taxable: 4500000, cgst: 0, sgst: 0, igst: 11250, total: 4511250, invoice: 4511300, roundOff: 50 },
  ],
  [
    "13. the same loose diamond sold at the counter: 0.125 % CGST + 0.125 % SGST",
    { rate_per_g_paise: 0, net_weight_mg: 0, making: { type: "flat", amount_paise: 0 }, stones: [{ type: "diamond", count: 1, weight_mct: 500, price_per_carat_paise: 9000000 }], hsn: "7102", ...counterSale },
    { metal: 0, wastage: 0, making: 0, stones: 4500000, other: 0, discount: 0, taxable: 4500000, cgst: 5625, sgst: 5625, igst: 0, total: 4511250, invoice: 4511300, roundOff: 50 },
  ],
  [
    "14. the ring of example 1 at Bengaluru's own 22K rate (₹7,260.00), counter sale in Karnataka",
    { rate_per_g_paise: 726000, net_weight_mg: 8350, making: { type: "per_gram", amount_paise: 45000 }, other_charges_paise: 4500, branch_state_code: KA, supply_state_code: KA },
    { metal: 6062100, wastage: 0, making: 375750, stones: 0, other: 4500, discount: 0, taxable: 6442350, cgst: 96635, sgst: 96635, igst: 0, total: 6635620, invoice: 6635600, roundOff: -20 },
  ],
  [
    "15. fractional percentages: 12.5 % wastage and 10.75 % making",
    { rate_per_g_paise: 724550, net_weight_mg: 4275, wastage_bp: 1250, making: { type: "percent", basis_points: 1075 }, ...counterSale },
    { metal: 3097451, wastage: 387181, making: 332976, stones: 0, other: 0, discount: 0, taxable: 3817608, cgst: 57264, sgst: 57264, igst: 0, total: 3932136, invoice: 3932100, roundOff: -36 },
  ],
]

describe("priceJewelry: worked examples (docs/pricing.md)", () => {
  it.each(examples)("%s", (_name, input, e) => {
    const b = priceJewelry(input)
    expect({
      metal: b.metal_value,
      wastage: b.wastage_value,
      making: b.making_charge,
      stones: b.stone_value,
      other: b.other_charges,
      discount: b.discount,
      taxable: b.taxable_value,
      cgst: b.cgst,
      sgst: b.sgst,
      igst: b.igst,
      total: b.total,
      invoice: b.invoice_total,
      roundOff: b.round_off,
    }).toEqual(e)
    expect(b.gst_total).toBe(e.cgst + e.sgst + e.igst)
    expect(b.supply).toBe(input.branch_state_code === input.supply_state_code ? "intra_state" : "inter_state")
  })

  it("never leaves a fraction of a paisa anywhere", () => {
    for (const [, input] of examples) {
      for (const value of Object.values(priceJewelry(input))) {
        if (typeof value === "number") {
          expect(Number.isInteger(value)).toBe(true)
        }
      }
    }
  })

  it.each([
    [{ net_weight_mg: -1 }, /net weight/],
    [{ net_weight_mg: 1.5 }, /net weight/],
    [{ rate_per_g_paise: -5 }, /rate per gram/],
    [{ making: { type: "per_gram", amount_paise: -100 } }, /making charge per gram/],
    [{ hsn: "9999" }, /Unknown HSN code 9999/],
    [{ discount_paise: 100_000_000 }, /discount .* is larger than the value of the piece/],
  ] as [Partial<PricingInput>, RegExp][])("refuses bad input %p", (patch, message) => {
    const base = examples[0][1]
    expect(() => priceJewelry({ ...base, ...patch } as PricingInput)).toThrow(message)
  })
})

describe("priceStoredPiece", () => {
  it("prices a piece as the jewelry module stores it, like example 4 (percent making, stones)", () => {
    const pendant = {
      net_weight_mg: 2100,
      wastage_bp: 0,
      making_type: "percent" as const,
      making_value: 1500,
      stones: [
        { type: "diamond", count: 12, weight_mct: 360, price_per_carat_paise: 6500000 },
        { type: "ruby", count: 1, weight_mct: 100, fixed_price_paise: 120000 },
      ],
      other_charges_paise: 50000,
      hsn: "7113",
    }
    const b = priceStoredPiece(pendant, 593500, MH, DL)
    expect([b.making_charge, b.stone_value, b.taxable_value, b.igst, b.total]).toEqual([186953, 2460000, 3943303, 118299, 4061602])
  })
})

describe("resolveMetalRate", () => {
  const rates: PublishedRate[] = [
    { metal: "gold", purity: 999, rate_per_g_paise: 785000, branch_id: null },
    { metal: "gold", purity: 916, rate_per_g_paise: 724550, branch_id: null },
    { metal: "gold", purity: 916, rate_per_g_paise: 726000, branch_id: "br_blr" },
    { metal: "silver", purity: 999, rate_per_g_paise: 9500, branch_id: null },
  ]

  it("prefers the branch's own rate, then the shop-wide rate", () => {
    expect(resolveMetalRate(rates, { metal: "gold", purity: 916, branch_id: "br_blr" })).toEqual({ rate_per_g_paise: 726000, source: "branch" })
    expect(resolveMetalRate(rates, { metal: "gold", purity: 916, branch_id: "br_pun" })).toEqual({ rate_per_g_paise: 724550, source: "shop" })
  })

  it("derives an unpublished purity from the 999 rate × fineness / 999, to the paisa", () => {
    // 7850.00 × 585 / 999 = 4596.846… → ₹4,596.85 (example 5)
    expect(resolveMetalRate(rates, { metal: "gold", purity: 585 })).toEqual(
      expect.objectContaining({ rate_per_g_paise: 459685, source: "derived" })
    )
    // 95.00 × 925 / 999 = 87.962… → ₹87.96 (example 6)
    expect(resolveMetalRate(rates, { metal: "silver", purity: 925 })?.rate_per_g_paise).toBe(8796)
  })

  it("finds nothing when derivation is off or there is no 999 rate", () => {
    expect(resolveMetalRate(rates, { metal: "gold", purity: 585, derive: false })).toBeUndefined()
    expect(resolveMetalRate(rates, { metal: "platinum", purity: 950 })).toBeUndefined()
  })

  it("reads the rates in force at an instant out of a stretch of history, the later entry winning a tie", () => {
    const at = (iso: string) => new Date(iso)
    const rate = (purity: number, paise: number, from: string, entered: string, branch_id: string | null = null) => ({
      metal: "gold" as const,
      purity,
      rate_per_g_paise: paise,
      branch_id,
      effective_from: at(from),
      created_at: at(entered),
    })
    const history = [
      rate(999, 7_800_00, "2026-11-30T04:30:00Z", "2026-11-30T04:00:00Z"),
      rate(999, 7_910_00, "2026-12-01T04:30:00Z", "2026-12-01T04:00:00Z"),
      // Corrected the same morning: the later entry for the same instant is the rate.
      rate(999, 7_905_00, "2026-12-01T04:30:00Z", "2026-12-01T05:00:00Z"),
      rate(916, 7_245_50, "2026-11-29T04:30:00Z", "2026-11-29T04:00:00Z"),
      rate(999, 7_950_00, "2026-12-01T04:30:00Z", "2026-12-01T04:10:00Z", "br_mum"),
    ]
    const paise = (instant: string) =>
      ratesInForceAt(history, at(instant))
        .map((r) => `${r.purity}${r.branch_id ? "@" + r.branch_id : ""}=${r.rate_per_g_paise}`)
        .sort()
    // Before the 1st's rates: the 30th's 999 and the 29th's 916; no Mumbai rate yet.
    expect(paise("2026-12-01T04:00:00Z")).toEqual(["916=724550", "999=780000"])
    expect(paise("2026-12-01T10:00:00Z")).toEqual(["916=724550", "999=790500", "999@br_mum=795000"])
    expect(paise("2026-11-28T00:00:00Z")).toEqual([])
    // As resolveMetalRate reads them: 22K from its own 916 rate, 18K derived from the 999 in force (₹7,905 × 750 / 999 = ₹5,934.68).
    expect(resolveMetalRate(ratesInForceAt(history, at("2026-12-01T10:00:00Z")), { metal: "gold", purity: 750 })?.rate_per_g_paise).toBe(5_934_68)
  })
})
