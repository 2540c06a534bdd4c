/**
 * Phone numbers as E.164 ("+919820012345"), read by libphonenumber-js with
 * India as the default country. Indian numbers arrive in every shape —
 * 98200 12345, +91 98200-12345, 098200 12345, 0091 98200 12345,
 * 919820012345 — and all become the same key, so a customer is found however
 * the number was typed; numbers of other countries are checked against
 * their own numbering plans.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { parsePhoneNumberFromString } from "libphonenumber-js/max"

export function normalizePhone(input: string): string {
  const raw = input.trim()
  const digits = raw.replace(/[\s\-().]/g, "")
  // "91" and ten digits, without the +, is how many Indian systems export a number.
  const candidate = /^91[2-9]\d{9}$/.test(digits) ? `+${digits}` : raw
  const parsed = /^\+?[\d\s\-().]+$/.test(raw) ? parsePhoneNumberFromString(candidate, "IN") : undefined
  if (!parsed || !parsed.isValid()) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `"${input}" is not a phone number we can read; use a 10-digit Indian number or +<country code><number>`
    )
  }
  return parsed.number
}

/** The number if it can be read, else undefined (for search boxes). */
export function tryNormalizePhone(input: string): string | undefined {
  try {
    return normalizePhone(input)
  } catch {
    return undefined
  }
}
