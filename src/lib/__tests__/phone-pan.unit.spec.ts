import { randomBytes } from "node:crypto"
import { decryptSecret, encryptSecret, maskPan, normalizePan, parseEncryptionKey } from "../pan"
import { normalizePhone, tryNormalizePhone } from "../phone"

describe("normalizePhone", () => {
  it.each([
    "9820012345",
    "98200 12345",
    "+91 98200-12345",
    "+919820012345",
    "098200 12345",
    "0091 98200 12345",
    "919820012345",
    "(98200) 12345",
  ])("reads %p as +919820012345", (input) => {
    expect(normalizePhone(input)).toBe("+919820012345")
  })

  it("reads landlines with their STD code, India's numbering plan deciding which are real", () => {
    expect(normalizePhone("022 2240 0100")).toBe("+912222400100")
    expect(normalizePhone("0124 438 0000")).toBe("+911244380000")
  })

  it("keeps numbers of other countries in E.164", () => {
    expect(normalizePhone("+1 (415) 555-0100")).toBe("+14155550100")
  })

  it.each(["", "12345", "98200123456789", "+91 98200 1234", "abc", "+1 23", "+1 (415) 000-0100", "9820O12345"])("refuses %p with a sentence", (input) => {
    expect(() => normalizePhone(input)).toThrow(/is not a phone number we can read/)
    expect(tryNormalizePhone(input)).toBeUndefined()
  })
})

describe("PAN", () => {
  it("validates, normalises and masks", () => {
    expect(normalizePan(" abcde1234f ")).toBe("ABCDE1234F")
    expect(maskPan("ABCDE1234F")).toBe("ABCDE****F")
    expect(() => normalizePan("ABCD1234F")).toThrow(/5 letters, 4 digits and a letter/)
  })

  it("encrypts with AES-256-GCM: different every time, readable only with the key, tamper-evident", () => {
    const key = randomBytes(32)
    const a = encryptSecret("ABCDE1234F", key)
    const b = encryptSecret("ABCDE1234F", key)
    expect(a).not.toBe(b)
    expect(a).not.toContain("ABCDE")
    expect(decryptSecret(a, key)).toBe("ABCDE1234F")
    expect(() => decryptSecret(a, randomBytes(32))).toThrow()
    const [v, iv, tag, body] = a.split(":")
    const flipped = Buffer.from(body, "base64url")
    flipped[0] ^= 1
    expect(() => decryptSecret([v, iv, tag, flipped.toString("base64url")].join(":"), key)).toThrow()
  })

  it("takes the key as hex or base64 and refuses a short one", () => {
    const key = randomBytes(32)
    expect(parseEncryptionKey(key.toString("hex")).equals(key)).toBe(true)
    expect(parseEncryptionKey(key.toString("base64")).equals(key)).toBe(true)
    expect(() => parseEncryptionKey("c2hvcnQ=")).toThrow(/32 bytes/)
  })
})
