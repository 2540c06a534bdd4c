/**
 * Integer money arithmetic. Amounts are paise (1/100 rupee), weights
 * milligrams, stone weights milli-carats, percentages basis points or
 * parts per 100 000 — always integers, so nothing drifts through floats.
 */
import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"

function toBig(value: number, name: string): bigint {
  if (!Number.isSafeInteger(value)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${name} must be a whole number, got ${value}`)
  }
  return BigInt(value)
}

/** round_half_up(a × b / c) for non-negative integers, computed exactly. */
export function mulDivHalfUp(a: number, b: number, c: number): number {
  const [A, B, C] = [toBig(a, "a"), toBig(b, "b"), toBig(c, "c")]
  if (A < 0n || B < 0n || C <= 0n) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "mulDivHalfUp takes non-negative numbers and a positive divisor")
  }
  const result = (2n * A * B + C) / (2n * C)
  if (result > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "amount too large")
  }
  return Number(result)
}

/** Paise to Medusa's amount (rupees; two decimals). */
export function paiseToAmount(paise: number): number {
  toBig(paise, "paise")
  return paise / 100
}

/**
 * Paise as an exact decimal string of rupees: 7245050 → "72450.5", 100 → "1";
 * with `{ fixed: true }` always two places, as accounting files write them:
 * 7245050 → "72450.50", -8 → "-0.08".
 */
export function paiseToDecimal(paise: number, { fixed = false }: { fixed?: boolean } = {}): string {
  const big = toBig(paise, "paise")
  const sign = big < 0n ? "-" : ""
  const abs = big < 0n ? -big : big
  const places = (abs % 100n).toString().padStart(2, "0")
  const fraction = fixed ? places : places.replace(/0+$/, "")
  return `${sign}${abs / 100n}${fraction ? `.${fraction}` : ""}`
}

/**
 * Parses a decimal in rupees ("7245.5", "7,245.50", 7245.5) into paise,
 * refusing more than two decimals instead of rounding them away.
 */
export function rupeesToPaise(value: string | number): number {
  return parseScaled(value, 2, "amount in rupees")
}

/**
 * A Medusa total (rupees, as BigNumber or number, possibly with fractions of
 * a paisa from tax) in whole paise, half away from zero.
 */
export function amountToPaise(amount: BigNumberInput | null | undefined): number {
  const paise = MathBN.convert(MathBN.mult(amount ?? 0, 100), 0).toNumber()
  if (!Number.isSafeInteger(paise)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `amount too large: ${String(amount)}`)
  }
  return paise
}

/** Parses grams with up to three decimals into milligrams. */
export function gramsToMg(value: string | number): number {
  return parseScaled(value, 3, "weight in grams")
}

/** Parses carats with up to three decimals into milli-carats. */
export function caratsToMct(value: string | number): number {
  return parseScaled(value, 3, "weight in carats")
}

/** Parses a percentage with up to two decimals into basis points (12.5 → 1250). */
export function percentToBp(value: string | number): number {
  return parseScaled(value, 2, "percentage")
}

/** Parses a multiplier with up to four decimals into basis points of 1× (1.25 → 12500). */
export function multiplierToBp(value: string | number): number {
  return parseScaled(value, 4, "multiplier")
}

function parseScaled(value: string | number, decimals: number, what: string): number {
  const text = (typeof value === "number" ? String(value) : value).trim().replace(/,/g, "")
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text)
  if (!match) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid ${what}: "${value}" (use digits and at most ${decimals} decimals)`)
  }
  const fraction = match[2] ?? ""
  if (fraction.replace(/0+$/, "").length > decimals) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid ${what}: "${value}" has more than ${decimals} decimals`)
  }
  const scaled = Number(match[1]) * 10 ** decimals + Number((fraction + "000000").slice(0, decimals) || "0")
  if (!Number.isSafeInteger(scaled)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid ${what}: "${value}" is too large`)
  }
  return scaled
}

/** "₹1,23,456.78" with Indian digit grouping. */
export function formatInr(paise: number): string {
  const negative = paise < 0
  const abs = Math.abs(paise)
  const rupees = Math.floor(abs / 100).toString()
  const last3 = rupees.slice(-3)
  const rest = rupees.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ",")
  const grouped = rest ? `${rest},${last3}` : last3
  return `${negative ? "-" : ""}₹${grouped}.${String(abs % 100).padStart(2, "0")}`
}

/**
 * `part` ÷ `whole` to `decimals` places, half up (mulDivHalfUp, exact), for
 * the rates and ratios reports show beside money and points — 3 of 4 is
 * 0.75; null when `whole` is 0, where there is no rate. Whole numbers, not negative.
 */
export function roundedRatio(part: number, whole: number, decimals: number): number | null {
  if (!whole) {
    return null
  }
  const scale = 10 ** decimals
  return mulDivHalfUp(part, scale, whole) / scale
}
