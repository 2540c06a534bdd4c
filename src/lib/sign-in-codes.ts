/**
 * One-time sign-in codes sent to a customer's phone (docs/security.md,
 * "Sign-in by phone"): six digits, kept only as a keyed hash, valid for five
 * minutes and for five wrong tries, after which a new code must be asked
 * for. Pure: the auth provider stores the state these functions return.
 */
import { createHmac, randomInt, timingSafeEqual } from "node:crypto"

export const CODE_DIGITS = 6
export const CODE_TTL_MS = 5 * 60_000
export const MAX_CODE_TRIES = 5

/** What the provider keeps between sending a code and checking it. */
export type CodeState = {
  code_hash: string | null
  /** epoch ms */
  expires_at: number | null
  tries: number
}

export type CodeCheck =
  | { ok: true; state: CodeState }
  | { ok: false; state: CodeState; reason: "no_code" | "expired" | "too_many_tries" | "wrong"; message: string }

/** A new code: uniformly random digits, leading zeros kept. */
export function newSignInCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, "0")
}

/**
 * The code's hash, keyed by the server's secret and bound to the number, so
 * a copied database does not give the codes away by trying all million and
 * one number's hash is no use for another.
 */
export function hashSignInCode(code: string, phone: string, secret: string): string {
  return createHmac("sha256", secret).update(`${phone}\u0000${code}`).digest("base64url")
}

/** The state right after a code is sent. */
export function issuedCodeState(code: string, phone: string, secret: string, now: number): CodeState {
  return { code_hash: hashSignInCode(code, phone, secret), expires_at: now + CODE_TTL_MS, tries: 0 }
}

/** Reads a stored state defensively: anything malformed counts as no code. */
export function codeStateOf(metadata: Record<string, unknown> | null | undefined): CodeState {
  const hash = metadata?.code_hash
  const expires = metadata?.expires_at
  const tries = metadata?.tries
  return {
    code_hash: typeof hash === "string" && hash ? hash : null,
    expires_at: typeof expires === "number" && Number.isFinite(expires) ? expires : null,
    tries: typeof tries === "number" && Number.isSafeInteger(tries) && tries >= 0 ? tries : 0,
  }
}

const SPENT: CodeState = { code_hash: null, expires_at: null, tries: 0 }

/**
 * Checks a code typed by the customer against the stored state and returns
 * the state to store next: a right code is spent (it cannot be used twice),
 * a wrong one counts a try, and the fifth wrong try spends the code too.
 */
export function checkSignInCode(state: CodeState, typed: string, phone: string, secret: string, now: number): CodeCheck {
  if (!state.code_hash || state.expires_at === null) {
    return { ok: false, state: SPENT, reason: "no_code", message: "No sign-in code is waiting for this number. Ask for a code first." }
  }
  if (now >= state.expires_at) {
    return { ok: false, state: SPENT, reason: "expired", message: "This sign-in code has expired. Ask for a new code." }
  }
  if (state.tries >= MAX_CODE_TRIES) {
    return { ok: false, state: SPENT, reason: "too_many_tries", message: "Too many wrong codes. Ask for a new code." }
  }
  const expected = Buffer.from(state.code_hash)
  const given = Buffer.from(hashSignInCode(typed.trim(), phone, secret))
  if (expected.length === given.length && timingSafeEqual(expected, given)) {
    return { ok: true, state: SPENT }
  }
  const tries = state.tries + 1
  const left = MAX_CODE_TRIES - tries
  if (left <= 0) {
    return { ok: false, state: SPENT, reason: "too_many_tries", message: "That code is not right, and it was the last try. Ask for a new code." }
  }
  return {
    ok: false,
    state: { ...state, tries },
    reason: "wrong",
    message: `That code is not right. ${left} ${left === 1 ? "try" : "tries"} left.`,
  }
}

const CODE_SHAPE = new RegExp(`^\\s*\\d{${CODE_DIGITS}}\\s*$`)

/** Whether text is shaped like a code at all (six digits, spaces allowed around). */
export const looksLikeSignInCode = (text: unknown): text is string => typeof text === "string" && CODE_SHAPE.test(text)
