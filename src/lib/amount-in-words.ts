/**
 * Amounts in words the Indian way, as a tax invoice prints them: thousand,
 * lakh (1,00,000) and crore (1,00,00,000), e.g. 1,04,611 →
 * "One Lakh Four Thousand Six Hundred Eleven".
 */
import { MedusaError } from "@medusajs/framework/utils"

const ONES = [
  "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
  "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen",
]
const TENS = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]

function belowHundred(n: number): string {
  if (n < 20) {
    return ONES[n]
  }
  return TENS[Math.floor(n / 10)] + (n % 10 ? `-${ONES[n % 10]}` : "")
}

function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100)
  const rest = n % 100
  return [hundreds ? `${ONES[hundreds]} Hundred` : "", rest ? belowHundred(rest) : ""].filter(Boolean).join(" ")
}

/** A whole number in words with Indian grouping; crores of crores repeat the grouping ("One Hundred Crore"). */
export function numberInIndianWords(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Only whole numbers of zero or more can be written in words, got ${value}`)
  }
  if (value === 0) {
    return ONES[0]
  }
  const crore = Math.floor(value / 10_000_000)
  const lakh = Math.floor(value / 100_000) % 100
  const thousand = Math.floor(value / 1000) % 100
  const rest = value % 1000
  return [
    crore ? `${numberInIndianWords(crore)} Crore` : "",
    lakh ? `${belowHundred(lakh)} Lakh` : "",
    thousand ? `${belowHundred(thousand)} Thousand` : "",
    rest ? belowThousand(rest) : "",
  ]
    .filter(Boolean)
    .join(" ")
}

/** "Rupees Sixty-Six Thousand Two Hundred Thirty-Two and Fifty Paise Only" from paise. */
export function amountInWords(paise: number): string {
  if (!Number.isSafeInteger(paise) || paise < 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `An amount in words needs whole paise of zero or more, got ${paise}`)
  }
  const rupees = Math.floor(paise / 100)
  const fraction = paise % 100
  return `Rupees ${numberInIndianWords(rupees)}${fraction ? ` and ${belowHundred(fraction)} Paise` : ""} Only`
}
