import { lineMoney, salesFactsOf, type FactItem, type FactOrder } from "../sales-facts"

const placed = new Date("2026-11-02T06:30:00Z")
const item = (over: Partial<FactItem> = {}): FactItem => ({
  item_id: "ordli_1",
  added_at: placed,
  variant_id: "variant_1",
  quantity: 1,
  unit_price_paise: 32_673_92,
  adjustments_paise: 0,
  is_tax_inclusive: false,
  tax_rate_bp: 300,
  making_charge_paise: 1_908_00,
  metal: "gold",
  purity: 916,
  category: "rings",
  gross_weight_mg: 4_500,
  net_weight_mg: 4_240,
  ...over,
})
const order = (over: Partial<FactOrder> = {}): FactOrder => ({
  order_id: "order_1",
  canceled: false,
  customer_id: "cus_1",
  branch_id: "br_mum",
  channel: "counter",
  staff_user_id: "user_1",
  items: [item()],
  returns: [],
  ...over,
})

describe("lineMoney", () => {
  it("adds 3 % GST to a price before tax, half up to the paisa: ₹32,673.92 → GST ₹980.22", () => {
    // 3 267 392 × 3 % = 98 021.76 paise
    expect(lineMoney(item())).toEqual({ revenue_paise: 32_673_92, gst_paise: 980_22, discount_paise: 0 })
  })

  it("takes the discount off before GST: two ₹40,545 coins less ₹1,000 → ₹80,090 taxable, GST ₹2,402.70", () => {
    expect(lineMoney(item({ quantity: 2, unit_price_paise: 40_545_00, adjustments_paise: 1_000_00 }))).toEqual({
      revenue_paise: 80_090_00,
      gst_paise: 2_402_70,
      discount_paise: 1_000_00,
    })
  })

  it("takes GST out of a price that includes it: ₹10,300 with 3 % → ₹10,000 + ₹300", () => {
    expect(lineMoney(item({ unit_price_paise: 10_300_00, is_tax_inclusive: true }))).toEqual({ revenue_paise: 10_000_00, gst_paise: 300_00, discount_paise: 0 })
  })
})

describe("salesFactsOf", () => {
  it("writes one sale row per line, with the pieces' weights times the quantity", () => {
    const [fact] = salesFactsOf(order({ items: [item({ quantity: 2 })] }))
    expect(fact).toMatchObject({
      kind: "sale",
      source_id: "ordli_1",
      occurred_at: placed,
      pieces: 2,
      gross_weight_mg: 9_000,
      net_weight_mg: 8_480,
      revenue_paise: 65_347_84,
      gst_paise: 1_960_44,
      branch_id: "br_mum",
      channel: "counter",
      staff_user_id: "user_1",
    })
  })

  it("marks the bill once, on the first line sold when the order was placed, not on a line an exchange added later", () => {
    const later = new Date("2026-11-20T06:30:00Z")
    const facts = salesFactsOf(order({ items: [item({ item_id: "ordli_x", added_at: later }), item({ item_id: "ordli_1" }), item({ item_id: "ordli_2" })] }))
    expect(facts.map((f) => [f.item_id, f.bill])).toEqual([
      ["ordli_x", 0],
      ["ordli_1", 1],
      ["ordli_2", 0],
    ])
  })

  it("counts nothing of a cancelled order, and nothing of a line with no pieces left on it", () => {
    expect(salesFactsOf(order({ canceled: true }))).toEqual([])
    expect(salesFactsOf(order({ items: [item({ quantity: 0 })] }))).toEqual([])
  })

  it("dates a return when it was received and takes its share back; a line returned in two goes nets to zero", () => {
    // Three pieces at ₹1,000.01 each: ₹3,000.03 taxable, GST ₹90.00 (90.0009 rounded).
    const three = item({ quantity: 3, unit_price_paise: 1_000_01, making_charge_paise: 100 })
    const first = new Date("2026-11-05T06:30:00Z")
    const second = new Date("2026-11-09T06:30:00Z")
    const facts = salesFactsOf(
      order({
        items: [three],
        // Listed out of order: they are applied in the order received.
        returns: [
          { return_id: "ret_2", received_at: second, items: [{ item_id: "ordli_1", quantity: 5 }] },
          { return_id: "ret_1", received_at: first, items: [{ item_id: "ordli_1", quantity: 1 }] },
        ],
      })
    )
    expect(facts.map((f) => [f.kind, f.source_id, f.occurred_at, f.pieces, f.revenue_paise, f.gst_paise, f.net_weight_mg, f.making_paise])).toEqual([
      ["sale", "ordli_1", placed, 3, 3_000_03, 90_00, 12_720, 100],
      // A third of each, half up: 100 001 paise, 3 000 paise, 4 240 mg, 33 paise.
      ["return", "ret_1", first, -1, -1_000_01, -30_00, -4_240, -33],
      // The rest, whatever was asked beyond it.
      ["return", "ret_2", second, -2, -2_000_02, -60_00, -8_480, -67],
    ])
    const sum = (key: "pieces" | "revenue_paise" | "gst_paise" | "net_weight_mg") => facts.reduce((s, f) => s + f[key], 0)
    expect([sum("pieces"), sum("revenue_paise"), sum("gst_paise"), sum("net_weight_mg")]).toEqual([0, 0, 0, 0])
  })

  it("ignores a return of a line the order does not have", () => {
    const facts = salesFactsOf(order({ returns: [{ return_id: "ret_1", received_at: placed, items: [{ item_id: "ordli_x", quantity: 1 }] }] }))
    expect(facts.map((f) => f.kind)).toEqual(["sale"])
  })
})
