/**
 * Phone numbers as E.164 ("+919820012345"). Indian numbers arrive in every
 * shape — 98200 12345, +91 98200-12345, 098200 12345, 0091 98200 12345,
 * 919820012345 — and all become the same key, so a customer is found however
 * the number was typed.
 */
import { MedusaError } from "@medusajs/framework/utils"

const INDIAN_NATIONAL = /^[2-9]\d{9}$/

export function normalizePhone(input: string): string {
  const raw = input.trim()
  const digits = raw.replace(/[\s\-().]/g, "")
  const invalid = () =>
    new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `"${input}" is not a phone number we can read; use a 10-digit Indian number or +<country code><number>`
    )
  if (!/^\+?\d+$/.test(digits)) {
    throw invalid()
  }
  let national: string | undefined
  if (digits.startsWith("+91")) {
    national = digits.slice(3)
  } else if (digits.startsWith("+")) {
    if (digits.length < 9 || digits.length > 16) {
      throw invalid()
    }
    return digits
  } else if (digits.startsWith("0091")) {
    national = digits.slice(4)
  } else if (digits.length === 12 && digits.startsWith("91")) {
    national = digits.slice(2)
  } else if (digits.length === 11 && digits.startsWith("0")) {
    national = digits.slice(1)
  } else {
    national = digits
  }
  if (!INDIAN_NATIONAL.test(national)) {
    throw invalid()
  }
  return `+91${national}`
}

/** The number if it can be read, else undefined (for search boxes). */
export function tryNormalizePhone(input: string): string | undefined {
  try {
    return normalizePhone(input)
  } catch {
    return undefined
  }
}
