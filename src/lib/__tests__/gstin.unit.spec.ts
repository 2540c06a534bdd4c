import { checkGstin, gstinCheckCharacter, GST_STATE_CODES } from "../gstin"

describe("GSTIN", () => {
  it.each([
    // Published example GSTINs whose check characters are known.
    ["27AAPFU0939F1Z", "V"],
    ["29AAGCB7383J1Z", "4"],
    // The demo shop's branches.
    ["27AAACJ1234M1Z", "M"],
    ["27AAACJ1234M2Z", "L"],
    ["29AAACJ1234M1Z", "I"],
  ])("computes the check character of %s as %s", (first14, check) => {
    expect(gstinCheckCharacter(first14)).toBe(check)
  })

  it("accepts a valid GSTIN in any case and splits state code and PAN", () => {
    expect(checkGstin(" 27aapfu0939f1zv ")).toEqual({ valid: true, stateCode: "27", pan: "AAPFU0939F" })
  })

  it("rejects a wrong check character and says which one is expected", () => {
    const result = checkGstin("27AAPFU0939F1ZA")
    expect(result).toEqual({ valid: false, reason: "The check character should be V, not A" })
  })

  it.each(["", "27AAPFU0939F1Z", "27AAPFU0939F1YV", "2XAAPFU0939F1ZV", "27AAPFU0939F0ZV"])(
    "rejects the malformed value %p",
    (value) => {
      expect(checkGstin(value).valid).toBe(false)
    }
  )

  it("knows the branch states of the demo shop", () => {
    expect(GST_STATE_CODES["27"]).toBe("Maharashtra")
    expect(GST_STATE_CODES["29"]).toBe("Karnataka")
  })
})
