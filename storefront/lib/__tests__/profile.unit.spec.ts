import { profileUpdate, type OwnProfile } from "../profile"

const form = (pairs: [string, string][]) => {
  const data = new FormData()
  for (const [k, v] of pairs) data.append(k, v)
  return data
}

const stored: OwnProfile = {
  birthday: "1990-05-04T00:00:00.000Z",
  anniversary: null,
  ring_size: "12",
  bangle_size: null,
  preferred_metals: ["gold"],
  preferred_categories: [],
  budget_band: null,
  consents: { sms: { status: "granted" }, whatsapp: { status: "revoked" } },
}

describe("the account's profile form", () => {
  it("sends what was filled in, clears what was emptied, and only the consents that changed", () => {
    const update = profileUpdate(
      form([
        ["birthday", "1990-05-04"],
        ["anniversary", ""],
        ["ring_size", ""],
        ["bangle_size", "2.6"],
        ["preferred_metals", "gold"],
        ["preferred_metals", "platinum"],
        ["preferred_metals", "brass"],
        ["preferred_categories", "rings"],
        ["preferred_categories", "rings"],
        ["budget_band", "from_25k_to_1l"],
        ["consents", "sms"],
        ["consents", "rate_alerts"],
      ]),
      stored
    )
    expect(update).toEqual({
      birthday: "1990-05-04",
      anniversary: null,
      ring_size: null,
      bangle_size: "2.6",
      preferred_metals: ["gold", "platinum"],
      preferred_categories: ["rings"],
      budget_band: "from_25k_to_1l",
      // sms stays granted and whatsapp revoked: not sent again; rate alerts are new.
      consents: { rate_alerts: "granted" },
    })
  })

  it("withdraws a consent whose box is unticked, and ignores a budget or date it does not know", () => {
    const update = profileUpdate(form([["birthday", "4 May"], ["budget_band", "lots"]]), stored)
    expect(update).toEqual(expect.objectContaining({ birthday: null, budget_band: null, consents: { sms: "revoked" } }))
  })

  it("sends no consents when nothing changed for a new customer", () => {
    expect(profileUpdate(form([]), null).consents).toBeUndefined()
  })
})
