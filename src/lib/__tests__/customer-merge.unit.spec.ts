import { mergeProfileFields } from "../customer-merge"

describe("mergeProfileFields", () => {
  it("keeps what the survivor has and fills its blanks from the duplicates, in order", () => {
    const { changes, filled } = mergeProfileFields(
      { phone: "+919820012345", birthday: "1990-04-12", ring_size: null, tags: ["vip"], consents: { sms: { status: "granted" } } },
      [
        { phone: "+919820099999", birthday: "1991-01-01", ring_size: "14", tags: ["bridal", "vip"], consents: { sms: { status: "revoked" }, whatsapp: { status: "granted" } } },
        { ring_size: "16", bangle_size: "2.6", notes: "Prefers antique finish" },
      ]
    )
    expect(changes).toEqual({
      ring_size: "14",
      alternate_phone: "+919820099999",
      tags: ["vip", "bridal"],
      consents: { sms: { status: "granted" }, whatsapp: { status: "granted" } },
      bangle_size: "2.6",
      notes: "Prefers antique finish",
    })
    expect(filled.sort()).toEqual(["alternate_phone", "bangle_size", "consents", "notes", "ring_size", "tags"])
  })

  it("takes the duplicate's phone when the survivor has none, and its PAN with the mask", () => {
    const { changes } = mergeProfileFields({}, [{ phone: "+919820012345", pan_encrypted: "v1:abc", pan_masked: "ABCDE****F" }])
    expect(changes).toEqual({ phone: "+919820012345", pan_encrypted: "v1:abc", pan_masked: "ABCDE****F" })
  })

  it("keeps both notes and never refers a customer to itself", () => {
    const { changes } = mergeProfileFields({ notes: "Gold only" }, [{ notes: "Birthday in April", referred_by_customer_id: "cus_1" }], "cus_1")
    expect(changes).toEqual({ notes: "Gold only\n\n— from a merged duplicate —\nBirthday in April" })
  })

  it("changes nothing when the duplicate adds nothing", () => {
    expect(mergeProfileFields({ phone: "+919820012345", tags: ["vip"] }, [{ phone: "+919820012345", tags: ["vip"] }])).toEqual({ changes: {}, filled: [] })
  })
})
