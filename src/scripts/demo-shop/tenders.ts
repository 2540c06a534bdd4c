/**
 * How the demo shop's past bills were paid: a mix like a jeweller's counter —
 * UPI most often, then cash, card, and cash with the rest by UPI — never
 * ₹2 lakh or more in cash (Income Tax Act s.269ST, src/lib/pos.ts). The
 * same bill number always gets the same tenders.
 */
import { CASH_LIMIT_PAISE } from "../../lib/pos"
import { generator } from "./random"

export type DemoTender = { kind: "cash" | "upi" | "card"; amount_paise: number }

/** The largest cash part a bill may have: just under the limit. */
const MAX_CASH_PAISE = CASH_LIMIT_PAISE - 100

export function demoTenders(billNumber: number, totalPaise: number): DemoTender[] {
  const roll = generator(0x7e4d ^ billNumber).next()
  if (roll < 0.4) {
    return [{ kind: "upi", amount_paise: totalPaise }]
  }
  if (roll < 0.65) {
    // Cash up to the limit; a larger bill's remainder by UPI.
    const cash = Math.min(totalPaise, MAX_CASH_PAISE)
    return cash === totalPaise ? [{ kind: "cash", amount_paise: cash }] : [{ kind: "cash", amount_paise: cash }, { kind: "upi", amount_paise: totalPaise - cash }]
  }
  if (roll < 0.9) {
    return [{ kind: "card", amount_paise: totalPaise }]
  }
  // Part in cash (about a third, in whole hundreds of rupees), the rest by UPI.
  const cash = Math.min(Math.floor(totalPaise / 3 / 100_00) * 100_00, MAX_CASH_PAISE)
  return cash > 0 ? [{ kind: "cash", amount_paise: cash }, { kind: "upi", amount_paise: totalPaise - cash }] : [{ kind: "upi", amount_paise: totalPaise }]
}
