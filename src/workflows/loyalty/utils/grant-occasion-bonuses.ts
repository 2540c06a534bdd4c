/**
 * Birthday and anniversary points: every customer whose birthday or wedding
 * anniversary is today gets the program's bonus, once a year per occasion
 * (keyed entry).
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { expiryFor } from "../../../lib/loyalty"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { occasionsToday } from "../../crm/utils/occasions-today"

export async function grantOccasionBonuses(container: MedusaContainer, now = new Date()): Promise<number> {
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const program = await loyalty.currentProgram()
  const bonus = { birthday: program.birthday_bonus, anniversary: program.anniversary_bonus }
  if (!bonus.birthday && !bonus.anniversary) {
    return 0
  }
  const { today, occasions } = await occasionsToday(container, now)
  let granted = 0
  for (const { customer_id, kind } of occasions) {
    if (!bonus[kind]) {
      continue
    }
    const posted = await loyalty.postEntry({
      customer_id,
      type: "bonus",
      points: bonus[kind],
      idempotency_key: `${kind}:${customer_id}:${today.year}`,
      expires_at: expiryFor(now, program),
      reason: `${kind} bonus ${today.year}`,
    })
    granted += posted.replayed ? 0 : 1
  }
  return granted
}
