import { diffFields, maskPii, piiKind } from "../audit"

describe("piiKind", () => {
  it.each([
    ["phone", "phone"],
    ["alternate_phone", "phone"],
    ["email", "email"],
    ["pan", "pan"],
    ["pan_masked", "pan"],
    ["pan_encrypted", "secret"],
    ["address_1", "address"],
    ["billing_address", "address"],
    ["postal_code", "address"],
    ["profile.phone", "phone"],
  ])("%p holds %p", (field, kind) => {
    expect(piiKind(field)).toBe(kind)
  })

  it.each(["rate_per_g_paise", "consents", "sms", "company", "points", "expand", "tags"])("%p is not personal data", (field) => {
    expect(piiKind(field)).toBeUndefined()
  })
})

describe("maskPii", () => {
  it("masks a phone to its country code and last four digits", () => {
    expect(maskPii("+919820012345", "phone")).toBe("+91******2345")
    expect(maskPii("9820012345", "phone")).toBe("******2345")
    expect(maskPii("12345", "phone")).toBe("*****")
  })

  it("masks an e-mail to its first letter and domain", () => {
    expect(maskPii("asha.rao@example.com", "email")).toBe("a***@example.com")
    expect(maskPii("not-an-email", "email")).toBe("***")
  })

  it("masks a PAN as staff see it and never shows ciphertext", () => {
    expect(maskPii("ABCDE1234F", "pan")).toBe("ABCDE****F")
    expect(maskPii("ABCDE****F", "pan_masked")).toBe("ABCDE****F")
    expect(maskPii("v1:iv:tag:body", "pan_encrypted")).toBe("[redacted]")
  })

  it("hides addresses whole, keeps null as null", () => {
    expect(maskPii("12 MG Road, Pune", "address_1")).toBe("[masked]")
    expect(maskPii(null, "phone")).toBeNull()
    expect(maskPii(undefined, "email")).toBeNull()
  })

  it("walks objects and arrays, judging each key by its name", () => {
    expect(
      maskPii({
        first_name: "Asha",
        phone: "+919820012345",
        addresses: [{ address_1: "12 MG Road", city: "Pune" }],
        at: new Date("2026-12-01T10:00:00Z"),
      })
    ).toEqual({
      first_name: "Asha",
      phone: "+91******2345",
      addresses: "[masked]",
      at: "2026-12-01T10:00:00.000Z",
    })
    expect(maskPii([{ email: "a@b.in", points: 5 }])).toEqual([{ email: "a***@b.in", points: 5 }])
  })
})

describe("diffFields", () => {
  it("keeps only the fields that changed (worked example: a rate goes from ₹7,245 to ₹7,310 a gram)", () => {
    expect(
      diffFields(
        { metal: "gold", purity: 916, rate_per_g_paise: 724500 },
        { metal: "gold", purity: 916, rate_per_g_paise: 731000 },
        ["metal", "purity", "rate_per_g_paise"]
      )
    ).toEqual({ rate_per_g_paise: { before: 724500, after: 731000 } })
  })

  it("records a creation as before null", () => {
    expect(diffFields(null, { rate_per_g_paise: 731000 }, ["rate_per_g_paise"])).toEqual({
      rate_per_g_paise: { before: null, after: 731000 },
    })
  })

  it("leaves alone a field the update did not carry", () => {
    expect(diffFields({ ring_size: "12", notes: "x" }, { ring_size: "14" }, ["ring_size", "notes"])).toEqual({
      ring_size: { before: "12", after: "14" },
    })
  })

  it("shows a field cleared to null", () => {
    expect(diffFields({ notes: "x" }, { notes: null })).toEqual({ notes: { before: "x", after: null } })
  })

  it("masks personal data on both sides (worked example: a phone number changes)", () => {
    expect(diffFields({ phone: "+919820012345" }, { phone: "+919820099999" }, ["phone"])).toEqual({
      phone: { before: "+91******2345", after: "+91******9999" },
    })
  })

  it("shows that a masked value changed even when both masks read alike", () => {
    const changes = diffFields({ address_1: "12 MG Road" }, { address_1: "14 FC Road" })
    expect(changes).toEqual({ address_1: { before: "[masked]", after: "[masked]" } })
  })

  it("reaches into objects with dotted paths (worked example: SMS consent revoked, WhatsApp untouched)", () => {
    const before = { consents: { sms: { status: "granted", at: "2026-11-01T00:00:00.000Z" }, whatsapp: { status: "granted" } } }
    const after = { consents: { sms: { status: "revoked", at: "2026-12-01T00:00:00.000Z" }, whatsapp: { status: "granted" } } }
    expect(diffFields(before, after, ["consents.sms.status", "consents.whatsapp.status", "consents.email.status"])).toEqual({
      "consents.sms.status": { before: "granted", after: "revoked" },
    })
  })

  it("compares dates by instant and objects by content, whatever the key order", () => {
    expect(
      diffFields(
        { birthday: new Date("1990-05-01T00:00:00Z"), sizes: { ring: "12", bangle: "2.6" } },
        { birthday: "1990-05-01T00:00:00.000Z", sizes: { bangle: "2.6", ring: "12" } }
      )
    ).toEqual({})
  })

  it("records a removal as every field present before going to null", () => {
    expect(diffFields({ balance: 120, tier: "gold" }, null, ["balance", "tier", "missing"])).toEqual({
      balance: { before: 120, after: null },
      tier: { before: "gold", after: null },
    })
  })

  it("compares every key of both records when no fields are named", () => {
    expect(diffFields({ a: 1, b: 2 }, { a: 1, b: 3, c: 4 })).toEqual({ b: { before: 2, after: 3 }, c: { before: null, after: 4 } })
  })
})
