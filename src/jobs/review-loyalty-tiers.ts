import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_MODULE } from "../modules/loyalty"
import type LoyaltyModuleService from "../modules/loyalty/service"
import { reviewLoyaltyTierWorkflow } from "../workflows/loyalty"

const BATCH = 200

/**
 * Moves down the customers whose spend of the last 12 months no longer
 * reaches their tier (moving up happens as orders are placed). Only accounts
 * above the first tier can fall, so only those are read, a batch at a time.
 */
export async function reviewLoyaltyTiers(container: MedusaContainer): Promise<{ reviewed: number; moved: number }> {
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const base = (await loyalty.currentProgram()).tiers[0].name
  let reviewed = 0
  let moved = 0
  let after = ""
  for (;;) {
    const accounts = await loyalty.listLoyaltyAccounts(
      { tier: { $ne: base }, customer_id: { $gt: after } },
      { select: ["customer_id", "tier"], order: { customer_id: "ASC" }, take: BATCH }
    )
    for (const account of accounts) {
      const { result } = await reviewLoyaltyTierWorkflow(container).run({ input: { customer_id: account.customer_id } })
      reviewed += 1
      moved += result !== account.tier ? 1 : 0
    }
    if (accounts.length < BATCH) {
      break
    }
    after = accounts[accounts.length - 1].customer_id
  }
  return { reviewed, moved }
}

/** Every day at 01:00 IST (19:30 UTC). */
export default async function reviewLoyaltyTiersJob(container: MedusaContainer) {
  const { reviewed, moved } = await reviewLoyaltyTiers(container)
  if (moved) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`loyalty: ${moved} of ${reviewed} customers moved down a tier`)
  }
}

export const config = {
  name: "review-loyalty-tiers",
  schedule: "30 19 * * *",
}
