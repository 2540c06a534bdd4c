import { isOrderPaid, orderPaymentState, paidOrderSql, paysAtStore, storefrontProviderRefusal, storefrontProviders } from "../paid-orders"

const collection = (amount_paise: number, captured_paise: number, status = "authorized") => ({ amount_paise, captured_paise, status })

describe("paid orders", () => {
  it("counts an order as paid only when every live collection is captured in full", () => {
    expect(orderPaymentState({ status: "pending", collections: [collection(66_232_00, 0)] })).toBe("awaiting_payment")
    expect(orderPaymentState({ status: "pending", collections: [collection(66_232_00, 10_000_00, "partially_captured")] })).toBe("awaiting_payment")
    expect(orderPaymentState({ status: "pending", collections: [collection(66_232_00, 66_232_00, "completed")] })).toBe("paid")
    // A counter sale: cash captured, the balance's payment link still open.
    expect(orderPaymentState({ status: "completed", collections: [collection(1_00_000_00, 60_000_00, "partially_captured")] })).toBe("awaiting_payment")
    // A cancelled collection beside a captured one does not hold the order up.
    expect(isOrderPaid({ status: "pending", collections: [collection(500_00, 0, "canceled"), collection(500_00, 500_00, "completed")] })).toBe(true)
  })

  it("never counts a cancelled or draft order, nor one whose every collection was cancelled", () => {
    expect(orderPaymentState({ status: "canceled", collections: [collection(500_00, 500_00, "completed")] })).toBe("void")
    expect(orderPaymentState({ status: "draft", collections: [] })).toBe("void")
    expect(orderPaymentState({ status: "pending", collections: [collection(500_00, 0, "canceled")] })).toBe("awaiting_payment")
  })

  it("awaits nothing from an order recorded without any payment collection", () => {
    expect(orderPaymentState({ status: "completed", collections: [] })).toBe("paid")
  })

  it("writes the rule in SQL for one safe alias only", () => {
    expect(paidOrderSql("o")).toContain("o.status not in ('canceled', 'draft')")
    expect(paidOrderSql("o")).toContain("round(coalesce(pc.captured_amount, 0) * 100) < round(pc.amount * 100)")
    expect(() => paidOrderSql("o; drop table x")).toThrow(/alias/)
  })
})

describe("pay at the store", () => {
  const providers = [{ id: "pp_razorpay_razorpay" }, { id: "pp_system_default" }, { id: "pp_instore_cash" }]

  it("is on only when the owner set it on the region", () => {
    expect([paysAtStore(null), paysAtStore({}), paysAtStore({ pay_at_store: false }), paysAtStore({ pay_at_store: "yes" })]).toEqual([false, false, false, false])
    expect([paysAtStore({ pay_at_store: true }), paysAtStore({ pay_at_store: "true" })]).toEqual([true, true])
  })

  it("lists the system provider only where it is on, labelled, and never the counter's tenders", () => {
    expect(storefrontProviders(providers, null)).toEqual([{ id: "pp_razorpay_razorpay" }])
    expect(storefrontProviders(providers, { pay_at_store: true })).toEqual([{ id: "pp_razorpay_razorpay" }, { id: "pp_system_default", label: "Pay at the store" }])
  })

  it("refuses the system provider for a session unless the cart's region offers it, and counter tenders always", () => {
    const india = { name: "India", metadata: {} }
    expect(storefrontProviderRefusal("pp_system_default", india)).toMatch(/not offered in India/)
    expect(storefrontProviderRefusal("pp_system_default", null)).toMatch(/region that offers it/)
    expect(storefrontProviderRefusal("pp_system_default", { name: "India", metadata: { pay_at_store: true } })).toBeNull()
    expect(storefrontProviderRefusal("pp_instore_cash", { name: "India", metadata: { pay_at_store: true } })).toMatch(/counter tender/)
    expect(storefrontProviderRefusal("pp_razorpay_razorpay", india)).toBeNull()
  })
})
