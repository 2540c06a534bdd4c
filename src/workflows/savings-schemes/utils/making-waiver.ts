import type { MedusaContainer } from "@medusajs/framework/types"
import { istToday } from "../../../lib/pos"
import { SAVINGS_SCHEME_MODULE } from "../../../modules/savings-scheme"
import type SavingsSchemeModuleService from "../../../modules/savings-scheme/service"

/**
 * The share of making charges (basis points) the customer's matured scheme cards named on a bill waive: a
 * card whose bonus is a making-charge waiver and was earned (docs/counter.md, "Gold savings schemes"). Of
 * several cards the largest waiver applies, once. A card that is not the customer's, not found or redeemed
 * waives nothing here; its redemption refuses it with the reason.
 */
export async function makingWaiverBps(container: MedusaContainer, customerId: string, cardNumbers: string[]): Promise<number> {
  if (!cardNumbers.length) {
    return 0
  }
  const schemes = container.resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE)
  const today = istToday()
  const passbooks = await Promise.all([...new Set(cardNumbers.map((n) => n.trim().toUpperCase()))].map((n) => schemes.passbook(n, today)))
  return Math.max(
    0,
    ...passbooks.map((p) => (p && p.enrolment.customer_id === customerId && p.enrolment.status !== "redeemed" ? p.statement.making_waiver_bps : 0))
  )
}
