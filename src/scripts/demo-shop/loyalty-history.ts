/**
 * The demo year's loyalty ledger (docs/demo-shop.md), as the live system
 * would have written it bill by bill (src/workflows/loyalty): each paid bill
 * earns its points at the tier the customer's rolling 12 months reached with
 * it, expiring under the program. Computed in one pass per customer from
 * the program's rules (src/lib/loyalty.ts), so a year of bills is written in
 * a few statements instead of a workflow a bill. (The pieces brought back
 * later take their share back through the live return workflow.)
 */
import { expiryFor, pointsEarned, tierFor, type LoyaltyProgram } from "../../lib/loyalty"

export type DemoLoyaltyBill = {
  order_id: string
  display_id: number
  customer_id: string
  at: Date
  /** The bill's total with GST: what the tier's rolling spend adds up. */
  total_paise: number
  /** What the program earns on (the taxable value, or the making charges). */
  basis_paise: number
}

export type DemoPointsEntry = {
  id: string
  customer_id: string
  type: "earn"
  points: number
  remaining: number
  expires_at: Date | null
  idempotency_key: string
  order_id: string
  reason: string
  at: Date
}

export type DemoLoyaltyAccount = { customer_id: string; balance: number; lifetime_earned: number; tier: string; tier_since: Date; at: Date }

const YEAR_MS = 365 * 86_400_000

export function demoLoyaltyHistory(
  bills: DemoLoyaltyBill[],
  program: Pick<LoyaltyProgram, "points_per_100_rupees" | "expiry_months" | "tiers">,
  newId: () => string
): { entries: DemoPointsEntry[]; accounts: DemoLoyaltyAccount[] } {
  const byCustomer = new Map<string, DemoLoyaltyBill[]>()
  for (const bill of bills) {
    byCustomer.set(bill.customer_id, [...(byCustomer.get(bill.customer_id) ?? []), bill])
  }
  const entries: DemoPointsEntry[] = []
  const accounts: DemoLoyaltyAccount[] = []
  for (const [customerId, theirs] of byCustomer) {
    const ordered = [...theirs].sort((a, b) => a.at.getTime() - b.at.getTime() || a.display_id - b.display_id)
    let account: DemoLoyaltyAccount | null = null
    for (const [n, bill] of ordered.entries()) {
      // The tier with this bill counted, over the 12 months up to it (update-loyalty-tier).
      const spend = ordered.slice(0, n + 1).filter((b) => b.at.getTime() > bill.at.getTime() - YEAR_MS).reduce((sum, b) => sum + b.total_paise, 0)
      const tier = tierFor(spend, program.tiers)
      if (!account) {
        account = { customer_id: customerId, balance: 0, lifetime_earned: 0, tier: tier.name, tier_since: bill.at, at: bill.at }
      } else if (account.tier !== tier.name) {
        account.tier = tier.name
        account.tier_since = bill.at
      }
      const points = pointsEarned(bill.basis_paise, program, tier.multiplier_bp)
      if (points <= 0) {
        continue
      }
      entries.push({
        id: newId(),
        customer_id: customerId,
        type: "earn",
        points,
        remaining: points,
        expires_at: expiryFor(bill.at, program),
        idempotency_key: `order:${bill.order_id}:earn`,
        order_id: bill.order_id,
        reason: `${points} points for order (${tier.name})`,
        at: bill.at,
      })
      account.balance += points
      account.lifetime_earned += points
    }
    if (account) {
      accounts.push(account)
    }
  }
  return { entries, accounts }
}
