/**
 * Birthday and anniversary points: every customer whose birthday or wedding
 * anniversary is today (India time; 29 February counts on the 28th in other
 * years) gets the program's bonus, once a year per occasion (keyed entry).
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { expiryFor } from "../../lib/loyalty"
import { monthDayKeys, nextOccurrence, shopToday } from "../../lib/occasions"
import { CRM_MODULE } from "../../modules/crm"
import type CrmModuleService from "../../modules/crm/service"
import { LOYALTY_MODULE } from "../../modules/loyalty"
import type LoyaltyModuleService from "../../modules/loyalty/service"

export async function grantOccasionBonuses(container: MedusaContainer, now = new Date()): Promise<number> {
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const program = await loyalty.currentProgram()
  const bonus = { birthday: program.birthday_bonus, anniversary: program.anniversary_bonus }
  if (!bonus.birthday && !bonus.anniversary) {
    return 0
  }
  const today = shopToday(now)
  const profiles = await container.resolve<CrmModuleService>(CRM_MODULE).listProfilesWithOccasionOn(monthDayKeys(today, 0))
  if (!profiles.length) {
    return 0
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer_profile",
    fields: ["id", "customer.id"],
    filters: { id: profiles.map((p) => p.id) },
  })
  const customerOf = new Map((data as { id: string; customer?: { id: string } | null }[]).map((p) => [p.id, p.customer?.id]))
  let granted = 0
  for (const profile of profiles) {
    const customerId = customerOf.get(profile.id)
    for (const kind of ["birthday", "anniversary"] as const) {
      const date = profile[kind]
      if (!customerId || !date || !bonus[kind] || nextOccurrence(new Date(date), today).in_days !== 0) {
        continue
      }
      const posted = await loyalty.postEntry({
        customer_id: customerId,
        type: "bonus",
        points: bonus[kind],
        idempotency_key: `${kind}:${customerId}:${today.year}`,
        expires_at: expiryFor(now, program),
        reason: `${kind} bonus ${today.year}`,
      })
      granted += posted.replayed ? 0 : 1
    }
  }
  return granted
}
