/**
 * `npm run loyalty:verify`: recomputes every points balance from the ledger
 * and lists the accounts whose cached balance differs; exits 1 if any does.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_MODULE } from "../modules/loyalty"
import type LoyaltyModuleService from "../modules/loyalty/service"

export default async function verifyLoyalty({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const mismatches = await loyalty.findBalanceMismatches()
  const [, accounts] = await loyalty.listAndCountLoyaltyAccounts({}, { take: 1 })
  if (!mismatches.length) {
    logger.info(`loyalty: ${accounts} accounts, every balance equals its ledger`)
    return
  }
  for (const m of mismatches) {
    logger.error(`loyalty: account ${m.account_id} (customer ${m.customer_id}) caches ${m.balance}, its ledger sums to ${m.ledger}`)
  }
  process.exitCode = 1
}
