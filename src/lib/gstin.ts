import { MedusaError } from "@medusajs/framework/utils"

/**
 * GSTIN (Goods and Services Tax Identification Number) checks.
 *
 * Layout: 2-digit state code, 10-character PAN, entity number (1-9, A-Z),
 * the letter Z, and a check character computed over the first 14 characters
 * (a base-36 Luhn variant published by GSTN).
 */
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
const GSTIN_SHAPE = /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/

/** Check character for the first 14 characters of a GSTIN. */
export function gstinCheckCharacter(first14: string): string {
  if (first14.length !== 14) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "gstinCheckCharacter needs exactly 14 characters")
  }
  let sum = 0
  for (let i = 0; i < 14; i++) {
    const value = ALPHABET.indexOf(first14[i])
    if (value < 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid GSTIN character "${first14[i]}"`)
    }
    const product = value * (i % 2 === 0 ? 1 : 2)
    sum += Math.floor(product / 36) + (product % 36)
  }
  return ALPHABET[(36 - (sum % 36)) % 36]
}

export type GstinCheck = { valid: true; stateCode: string; pan: string } | { valid: false; reason: string }

export function checkGstin(input: string): GstinCheck {
  const gstin = input.trim().toUpperCase()
  if (!GSTIN_SHAPE.test(gstin)) {
    return {
      valid: false,
      reason: "A GSTIN has 15 characters: 2-digit state code, 10-character PAN, entity number, Z, check character",
    }
  }
  const expected = gstinCheckCharacter(gstin.slice(0, 14))
  if (gstin[14] !== expected) {
    return { valid: false, reason: `The check character should be ${expected}, not ${gstin[14]}` }
  }
  return { valid: true, stateCode: gstin.slice(0, 2), pan: gstin.slice(2, 12) }
}

/** GST state codes of the states and union territories (GSTN list). */
export const GST_STATE_CODES: Readonly<Record<string, string>> = {
  "01": "Jammu and Kashmir",
  "02": "Himachal Pradesh",
  "03": "Punjab",
  "04": "Chandigarh",
  "05": "Uttarakhand",
  "06": "Haryana",
  "07": "Delhi",
  "08": "Rajasthan",
  "09": "Uttar Pradesh",
  "10": "Bihar",
  "11": "Sikkim",
  "12": "Arunachal Pradesh",
  "13": "Nagaland",
  "14": "Manipur",
  "15": "Mizoram",
  "16": "Tripura",
  "17": "Meghalaya",
  "18": "Assam",
  "19": "West Bengal",
  "20": "Jharkhand",
  "21": "Odisha",
  "22": "Chhattisgarh",
  "23": "Madhya Pradesh",
  "24": "Gujarat",
  "26": "Dadra and Nagar Haveli and Daman and Diu",
  "27": "Maharashtra",
  "29": "Karnataka",
  "30": "Goa",
  "31": "Lakshadweep",
  "32": "Kerala",
  "33": "Tamil Nadu",
  "34": "Puducherry",
  "35": "Andaman and Nicobar Islands",
  "36": "Telangana",
  "37": "Andhra Pradesh",
  "38": "Ladakh",
}
