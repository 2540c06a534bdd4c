import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_MODULE } from "../modules/loyalty"
import type LoyaltyModuleService from "../modules/loyalty/service"

/**
 * Every day at 00:15 IST (18:45 UTC): expire the points whose date has passed,
 * oldest first, in rounds of 500 lots. Each lot expires once (keyed entry), so
 * a run that stops half-way is simply finished by the next one.
 */
export default async function expireLoyaltyPoints(container: MedusaContainer) {
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let total = { lots: 0, points: 0 }
  for (;;) {
    const round = await loyalty.expireDueLots()
    total = { lots: total.lots + round.lots, points: total.points + round.points }
    if (round.lots === 0) {
      break
    }
  }
  if (total.lots) {
    logger.info(`loyalty: ${total.points} points expired from ${total.lots} lots`)
  }
}

export const config = {
  name: "expire-loyalty-points",
  schedule: "45 18 * * *",
}
