import {
  checkSignInCode,
  CODE_TTL_MS,
  codeStateOf,
  hashSignInCode,
  issuedCodeState,
  looksLikeSignInCode,
  MAX_CODE_TRIES,
  newSignInCode,
} from "../sign-in-codes"
import { maskSecrets } from "../messaging"

describe("sign-in codes", () => {
  const secret = "s".repeat(40)
  const phone = "+919820012345"
  const now = 1_800_000_000_000

  it("issues six random digits, leading zeros kept", () => {
    const codes = Array.from({ length: 2000 }, newSignInCode)
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true)
    // 2 000 draws from a million: a repeat or a constant would show.
    expect(new Set(codes).size).toBeGreaterThan(1990)
    expect(codes.some((c) => c.startsWith("0"))).toBe(true)
  })

  it("keeps only a hash bound to the number and the server's key", () => {
    const state = issuedCodeState("042137", phone, secret, now)
    expect(state).toEqual({ code_hash: hashSignInCode("042137", phone, secret), expires_at: now + 5 * 60_000, tries: 0 })
    expect(JSON.stringify(state)).not.toContain("042137")
    expect(hashSignInCode("042137", "+919820012346", secret)).not.toBe(state.code_hash)
    expect(hashSignInCode("042137", phone, "t".repeat(40))).not.toBe(state.code_hash)
  })

  it("accepts the right code once, within five minutes", () => {
    const state = issuedCodeState("042137", phone, secret, now)
    const right = checkSignInCode(state, " 042137 ", phone, secret, now + CODE_TTL_MS - 1)
    expect(right).toEqual({ ok: true, state: { code_hash: null, expires_at: null, tries: 0 } })
    // Spent: the same code again finds nothing waiting.
    expect(checkSignInCode(right.state, "042137", phone, secret, now + 1000)).toEqual(expect.objectContaining({ ok: false, reason: "no_code" }))
    expect(checkSignInCode(state, "042137", phone, secret, now + CODE_TTL_MS)).toEqual(
      expect.objectContaining({ ok: false, reason: "expired", message: "This sign-in code has expired. Ask for a new code.", state: expect.objectContaining({ code_hash: null }) })
    )
    // A code for another number does not sign in this one.
    expect(checkSignInCode(state, "042137", "+919820012346", secret, now).ok).toBe(false)
  })

  it("counts wrong codes and spends the code on the fifth", () => {
    let state = issuedCodeState("042137", phone, secret, now)
    const messages: string[] = []
    for (let i = 1; i <= MAX_CODE_TRIES; i++) {
      const check = checkSignInCode(state, "999999", phone, secret, now + i)
      expect(check.ok).toBe(false)
      messages.push((check as { message: string }).message)
      state = check.state
    }
    expect(messages).toEqual([
      "That code is not right. 4 tries left.",
      "That code is not right. 3 tries left.",
      "That code is not right. 2 tries left.",
      "That code is not right. 1 try left.",
      "That code is not right, and it was the last try. Ask for a new code.",
    ])
    // The right code no longer works after the last wrong one.
    expect(checkSignInCode(state, "042137", phone, secret, now + 10)).toEqual(expect.objectContaining({ ok: false, reason: "no_code" }))
    // A stored count already at the limit (written by a concurrent check) refuses too.
    const worn = { ...issuedCodeState("042137", phone, secret, now), tries: MAX_CODE_TRIES }
    expect(checkSignInCode(worn, "042137", phone, secret, now)).toEqual(expect.objectContaining({ ok: false, reason: "too_many_tries" }))
  })

  it("reads stored state defensively and code-shaped input only", () => {
    expect(codeStateOf(undefined)).toEqual({ code_hash: null, expires_at: null, tries: 0 })
    expect(codeStateOf({ code_hash: 5, expires_at: "soon", tries: -1 })).toEqual({ code_hash: null, expires_at: null, tries: 0 })
    expect(codeStateOf({ code_hash: "h", expires_at: 7, tries: 2 })).toEqual({ code_hash: "h", expires_at: 7, tries: 2 })
    expect([looksLikeSignInCode("123456"), looksLikeSignInCode(" 123456 "), looksLikeSignInCode("12345"), looksLikeSignInCode("1234567"), looksLikeSignInCode(123456), looksLikeSignInCode("12 456")]).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ])
  })

  it("masks a code in a stored message and leaves other messages alone", () => {
    const message = { event: "sign_in_code", body: "042137 is your Shree Ganesh Jewellers sign-in code.", variables: { code: "042137", minutes: "5" } }
    expect(maskSecrets(message)).toEqual({ event: "sign_in_code", body: "•••••• is your Shree Ganesh Jewellers sign-in code.", variables: { code: "••••••", minutes: "5" } })
    const other = { event: "order_placed", body: "Order 042137", variables: { code: "042137" } }
    expect(maskSecrets(other)).toBe(other)
  })
})
