import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_MODULE } from "../modules/loyalty"
import type LoyaltyModuleService from "../modules/loyalty/service"
import { queueMessageWorkflow } from "../workflows/messaging"

const DAY = 86_400_000

/** LOYALTY_EXPIRY_WARNING_DAYS (default 30): how long before points expire the customer is told. */
function warningDays(env: NodeJS.ProcessEnv = process.env): number {
  const days = Number(env.LOYALTY_EXPIRY_WARNING_DAYS ?? 30)
  if (!Number.isInteger(days) || days < 1 || days > 365) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `LOYALTY_EXPIRY_WARNING_DAYS must be 1 to 365, got "${env.LOYALTY_EXPIRY_WARNING_DAYS}"`)
  }
  return days
}

/**
 * Tells each customer whose points expire on the day N days from now how
 * many, once per customer and expiry day (keyed), through the outbox
 * (consent, quiet hours and the daily cap apply).
 */
export async function warnExpiringPoints(container: MedusaContainer, now = new Date()): Promise<number> {
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const days = warningDays()
  const dayStart = new Date(Math.floor((now.getTime() + days * DAY) / DAY) * DAY)
  const lots = await loyalty.listPointsEntries(
    { remaining: { $gt: 0 }, expires_at: { $gte: dayStart, $lt: new Date(dayStart.getTime() + DAY) } },
    { select: ["customer_id", "remaining", "expires_at"] }
  )
  const byCustomer = new Map<string, number>()
  for (const lot of lots) {
    byCustomer.set(lot.customer_id, (byCustomer.get(lot.customer_id) ?? 0) + lot.remaining)
  }
  const day = dayStart.toISOString().slice(0, 10)
  const expiry = dayStart.toLocaleDateString("en-IN", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
  for (const [customerId, points] of byCustomer) {
    await queueMessageWorkflow(container).run({
      input: { event: "points_expiring", customer_id: customerId, variables: { points, expiry_date: expiry }, idempotency_key: `points-expiring:${customerId}:${day}` },
    })
  }
  return byCustomer.size
}

/** Every day at 10:00 IST (04:30 UTC), inside the hours messages may go out. */
export default async function warnExpiringPointsJob(container: MedusaContainer) {
  await warnExpiringPoints(container)
}

export const config = {
  name: "warn-expiring-points",
  schedule: "30 4 * * *",
}
