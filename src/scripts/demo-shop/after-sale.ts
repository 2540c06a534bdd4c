/**
 * What became of a demo bill after the sale (docs/demo-shop.md): most are
 * kept; every 40th was cancelled before it was paid or handed over; every
 * 50th had one piece brought back 1–14 days later, received at the branch
 * and refunded; another in every 50 had one piece exchanged 2–20 days later
 * for another of its kind in the branch. Fixed by the bill number, so every
 * install — and the small demo shop of the tests — has some of each, always
 * the same ones.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { generator } from "./random"

export type DemoAfterSale =
  | { kind: "kept" }
  | { kind: "canceled" }
  | { kind: "returned"; line: number; days_later: number }
  /** `pick` chooses the piece taken instead among those the branch had (a fraction: 0 the first, towards 1 the last). */
  | { kind: "exchanged"; line: number; days_later: number; pick: number }

export function demoAfterSale(billNumber: number, lines: number): DemoAfterSale {
  if (billNumber % 40 === 17) {
    return { kind: "canceled" }
  }
  if (billNumber % 50 === 9 && lines > 0) {
    const random = generator(0x2e7 ^ billNumber)
    return { kind: "returned", line: random.int(0, lines - 1), days_later: random.int(1, 14) }
  }
  if (billNumber % 50 === 34 && lines > 0) {
    const random = generator(0xe8c ^ billNumber)
    return { kind: "exchanged", line: random.int(0, lines - 1), days_later: random.int(2, 20), pick: random.next() }
  }
  return { kind: "kept" }
}

/**
 * A refund laid on a bill's tenders in the order they were paid, each up to
 * what it took: a ₹30,000 piece of a bill paid ₹20,000 in cash and the rest
 * by UPI goes back ₹20,000 in cash and ₹10,000 by UPI.
 */
export function refundShares(paid: { payment_id: string; paise: number }[], refundPaise: number): { payment_id: string; paise: number }[] {
  if (!Number.isSafeInteger(refundPaise) || refundPaise <= 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `a refund must be a whole number of paise over 0, not ${refundPaise}`)
  }
  const shares: { payment_id: string; paise: number }[] = []
  let left = refundPaise
  for (const p of paid) {
    if (left <= 0) {
      break
    }
    const share = Math.min(p.paise, left)
    if (share > 0) {
      shares.push({ payment_id: p.payment_id, paise: share })
      left -= share
    }
  }
  if (left > 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `a refund of ${refundPaise} paise is more than the bill's tenders took`)
  }
  return shares
}
