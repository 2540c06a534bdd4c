import {
  isValidCheckoutSignature,
  isValidWebhookSignature,
  noAnswerError,
  noteValue,
  parseRazorpayWebhook,
  razorpayErrorInfo,
  razorpayHmac,
  sessionStatusFor,
  settledPayment,
} from "../razorpay"

describe("razorpay", () => {
  it("signs as Razorpay's checkout does: HMAC-SHA256 of order_id|payment_id with the key secret", () => {
    // Worked example (checked with `openssl dgst -sha256 -hmac secret`): key secret "secret".
    const signature = razorpayHmac("order_9A33XWu170gUtm|pay_29QQoUBi66xm2f", "secret")
    expect(signature).toBe("081fc8fde373f57b53486b9595ec23c66840fe0b387cf75043285a76ae40983c")
    const input = { razorpay_order_id: "order_9A33XWu170gUtm", razorpay_payment_id: "pay_29QQoUBi66xm2f" }
    expect(isValidCheckoutSignature({ ...input, razorpay_signature: signature }, "secret")).toBe(true)
    expect(isValidCheckoutSignature({ ...input, razorpay_signature: signature.toUpperCase() }, "secret")).toBe(true)
    // Another secret, another payment, a truncated or missing signature.
    expect(isValidCheckoutSignature({ ...input, razorpay_signature: signature }, "other")).toBe(false)
    expect(isValidCheckoutSignature({ ...input, razorpay_payment_id: "pay_other", razorpay_signature: signature }, "secret")).toBe(false)
    expect(isValidCheckoutSignature({ ...input, razorpay_signature: signature.slice(0, 63) }, "secret")).toBe(false)
    expect(isValidCheckoutSignature({ ...input, razorpay_signature: undefined }, "secret")).toBe(false)
    expect(isValidCheckoutSignature({ ...input, razorpay_signature: "z".repeat(64) }, "secret")).toBe(false)
  })

  it("checks X-Razorpay-Signature against the raw body, byte for byte", () => {
    const body = '{"entity":"event","event":"payment.captured","payload":{}}'
    const signature = razorpayHmac(body, "whsec")
    expect(isValidWebhookSignature(body, signature, "whsec")).toBe(true)
    expect(isValidWebhookSignature(Buffer.from(body), signature, "whsec")).toBe(true)
    // The same JSON with other spacing is another body.
    expect(isValidWebhookSignature(JSON.stringify(JSON.parse(body), null, 1), signature, "whsec")).toBe(false)
    expect(isValidWebhookSignature(body, signature, "other")).toBe(false)
    expect(isValidWebhookSignature(body, ["array"], "whsec")).toBe(false)
  })

  it("reads a payment's status as Medusa does", () => {
    expect(["created", "authorized", "captured", "refunded", "failed", undefined].map(sessionStatusFor)).toEqual([
      "pending",
      "authorized",
      "captured",
      "captured",
      "error",
      "pending",
    ])
    const attempts = [
      { id: "pay_a", status: "failed", created_at: 3 },
      { id: "pay_b", status: "authorized", created_at: 2 },
      { id: "pay_c", status: "created", created_at: 4 },
    ]
    expect(settledPayment(attempts)?.id).toBe("pay_b")
    expect(settledPayment([...attempts, { id: "pay_d", status: "captured", created_at: 1 }])?.id).toBe("pay_d")
    expect(settledPayment([{ id: "pay_e", status: "failed", created_at: 1 }])?.id).toBe("pay_e")
    expect(settledPayment([])).toBeUndefined()
  })

  it("tells Razorpay's refusals from its outages", () => {
    expect(razorpayErrorInfo({ statusCode: 400, error: { code: "BAD_REQUEST_ERROR", description: "The amount must be an integer." } })).toEqual({
      status: 400,
      code: "BAD_REQUEST_ERROR",
      description: "The amount must be an integer.",
      unavailable: false,
    })
    expect(razorpayErrorInfo({ statusCode: 503, error: { code: "SERVER_ERROR", description: "down" } }).unavailable).toBe(true)
    expect(razorpayErrorInfo({ statusCode: 429, error: { code: "BAD_REQUEST_ERROR", description: "Too many requests" } }).unavailable).toBe(true)
    // A request that got no answer, as the provider hands it to the SDK.
    const timeout = noAnswerError({ code: "ECONNABORTED", message: "timeout of 1000ms exceeded" })
    expect(razorpayErrorInfo({ statusCode: timeout.status, error: timeout.data.error })).toEqual({ status: 0, code: "TIMEOUT", description: "no answer in time", unavailable: true })
    expect(noAnswerError({ code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:1" }).data.error).toEqual({ code: "NETWORK_ERROR", description: "connect ECONNREFUSED 127.0.0.1:1" })
    expect(razorpayErrorInfo(new Error("socket hang up"))).toEqual(expect.objectContaining({ status: 0, code: "NETWORK_ERROR", unavailable: true }))
  })

  it("reads a webhook's event and entities, and the notes Razorpay sends as [] when empty", () => {
    const event = parseRazorpayWebhook({
      entity: "event",
      event: "refund.processed",
      account_id: "acc_1",
      contains: ["refund", "payment"],
      payload: {
        refund: { entity: { id: "rfnd_1", payment_id: "pay_1", amount: 50000, currency: "INR", status: "processed", notes: [] } },
        payment: { entity: { id: "pay_1", order_id: "order_1", amount: 4073650, currency: "INR", status: "captured", captured: true, notes: { session_id: "payses_1" }, created_at: 1 } },
      },
      created_at: 1700000000,
    })
    expect(event).toEqual(expect.objectContaining({ event: "refund.processed", created_at: 1700000000 }))
    expect(event?.refund?.id).toBe("rfnd_1")
    expect(noteValue(event?.payment?.notes, "session_id")).toBe("payses_1")
    expect(noteValue(event?.refund?.notes, "session_id")).toBeUndefined()
    expect(parseRazorpayWebhook({ event: "payment.captured" })).toBeNull()
    expect(parseRazorpayWebhook("text")).toBeNull()
    expect(parseRazorpayWebhook(null)).toBeNull()
  })
})
