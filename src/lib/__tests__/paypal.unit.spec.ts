import { parsePaypalWebhook, paypalErrorInfo, paypalMinor, paypalSessionId, paypalSessionStatus, paypalValue } from "../paypal"

describe("paypal", () => {
  it("writes and reads amounts as PayPal does, two decimals, no floats", () => {
    expect(paypalValue(4073650)).toBe("40736.50")
    expect(paypalValue(5)).toBe("0.05")
    expect(paypalValue(100)).toBe("1.00")
    expect(paypalMinor("40736.50")).toBe(4073650)
    expect(paypalMinor("40736.5")).toBe(4073650)
    expect(paypalMinor("19")).toBe(1900)
    // 0.1 + 0.2 in floats is 0.30000000000000004; in minor units it stays 30.
    expect(paypalMinor("0.10") + paypalMinor("0.20")).toBe(paypalMinor("0.30"))
    expect(() => paypalMinor("1.005")).toThrow(/Not a PayPal amount/)
    expect(() => paypalValue(1.5)).toThrow()
  })

  it("reads an order's status after the shop acted on it", () => {
    expect(paypalSessionStatus("COMPLETED", "AUTHORIZE")).toBe("authorized")
    expect(paypalSessionStatus("COMPLETED", "CAPTURE")).toBe("captured")
    expect(paypalSessionStatus("APPROVED", "CAPTURE")).toBe("pending")
    expect(paypalSessionStatus("CREATED", "AUTHORIZE")).toBe("pending")
    expect(paypalSessionStatus("VOIDED", "AUTHORIZE")).toBe("canceled")
  })

  it("tells PayPal's refusals (with the issue) from its outages", () => {
    const refused = { statusCode: 422, result: { name: "UNPROCESSABLE_ENTITY", message: "The requested action could not be performed.", details: [{ issue: "REFUND_AMOUNT_EXCEEDED", description: "The refund amount must be less than or equal to the capture amount that has not yet been refunded." }] } }
    expect(paypalErrorInfo(refused)).toEqual({
      status: 422,
      name: "REFUND_AMOUNT_EXCEEDED",
      description: "The refund amount must be less than or equal to the capture amount that has not yet been refunded.",
      unavailable: false,
    })
    expect(paypalErrorInfo({ statusCode: 503, result: { name: "SERVICE_UNAVAILABLE", message: "down" } }).unavailable).toBe(true)
    expect(paypalErrorInfo(new Error("Request aborted: timeout"))).toEqual(expect.objectContaining({ status: 0, name: "TIMEOUT", unavailable: true }))
  })

  it("finds the Medusa session an event is about", () => {
    const capture = parsePaypalWebhook({ id: "WH-1", event_type: "PAYMENT.CAPTURE.COMPLETED", resource: { id: "CAP1", custom_id: "payses_1", amount: { currency_code: "INR", value: "10.00" } } })
    expect(capture && paypalSessionId(capture)).toBe("payses_1")
    const approved = parsePaypalWebhook({ id: "WH-2", event_type: "CHECKOUT.ORDER.APPROVED", resource: { id: "ORD1", purchase_units: [{ reference_id: "payses_2" }] } })
    expect(approved && paypalSessionId(approved)).toBe("payses_2")
    expect(parsePaypalWebhook({ id: "WH-3", event_type: "X" })).toBeNull()
  })
})
