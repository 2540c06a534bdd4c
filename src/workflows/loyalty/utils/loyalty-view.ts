import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { tierFor, type LoyaltyProgram } from "../../../lib/loyalty"
import { paiseToAmount } from "../../../lib/money"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"

const DAY = 86_400_000

/**
 * A customer's points as staff and the customer see them: balance and its value, tier, recent history, what
 * expires soon. `customerKnown`: the caller has the customer already (the 360), so it is not looked up again.
 */
export async function loyaltyView(
  container: MedusaContainer,
  customerId: string,
  { history = 20, customerKnown = false }: { history?: number; customerKnown?: boolean } = {}
) {
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const [customers, program, ledger] = await Promise.all([
    customerKnown ? [{ id: customerId }] : container.resolve(Modules.CUSTOMER).listCustomers({ id: customerId }, { select: ["id"] }),
    loyalty.currentProgram(),
    loyalty.customerLedger(customerId, { history, expiringBy: new Date(Date.now() + 60 * DAY) }),
  ])
  if (!customers.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${customerId}" was not found`)
  }
  const { account, history: entries, expiring } = ledger
  const balance = account?.balance ?? 0
  const tier = program.tiers.find((t) => t.name === account?.tier) ?? tierFor(0, program.tiers)
  const next = program.tiers[program.tiers.indexOf(tier) + 1] ?? null
  return {
    customer_id: customerId,
    balance,
    balance_value: paiseToAmount(Math.max(balance, 0) * program.point_value_paise),
    lifetime_earned: account?.lifetime_earned ?? 0,
    tier: tier.name,
    tier_since: account?.tier_since ?? null,
    next_tier: next ? { name: next.name, min_spend: paiseToAmount(next.min_spend_paise) } : null,
    can_redeem: balance >= program.min_balance_to_redeem,
    history: entries.map((e) => ({
      id: e.id,
      type: e.type,
      points: e.points,
      reason: e.reason,
      order_id: e.order_id,
      expires_at: e.expires_at,
      created_at: e.created_at,
    })),
    expiring_soon: expiring.map((e) => ({ points: e.remaining, expires_at: e.expires_at })),
  }
}

/** The program as the API shows it: rupees and percentages. */
export function presentProgram(p: LoyaltyProgram) {
  return {
    earn_basis: p.earn_basis,
    points_per_100_rupees: p.points_per_100_rupees,
    point_value: paiseToAmount(p.point_value_paise),
    min_balance_to_redeem: p.min_balance_to_redeem,
    max_redeem_share_percent: p.max_redeem_share_bp / 100,
    expiry_months: p.expiry_months,
    tiers: p.tiers.map((t) => ({ name: t.name, min_spend: paiseToAmount(t.min_spend_paise), multiplier: t.multiplier_bp / 10_000 })),
    welcome_bonus: p.welcome_bonus,
    birthday_bonus: p.birthday_bonus,
    anniversary_bonus: p.anniversary_bonus,
  }
}
