import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { monthDayKeys, nextOccurrence, shopToday, type CalendarDay } from "../../../lib/occasions"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"

export type OccasionToday = { customer_id: string; kind: "birthday" | "anniversary" }

/**
 * The customers whose birthday or wedding anniversary is today (India time;
 * 29 February counts on the 28th in other years), one entry per occasion.
 */
export async function occasionsToday(container: MedusaContainer, now = new Date()): Promise<{ today: CalendarDay; occasions: OccasionToday[] }> {
  const today = shopToday(now)
  const profiles = await container.resolve<CrmModuleService>(CRM_MODULE).listProfilesWithOccasionOn(monthDayKeys(today, 0))
  if (!profiles.length) {
    return { today, occasions: [] }
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer_profile",
    fields: ["id", "customer.id"],
    filters: { id: profiles.map((p) => p.id) },
  })
  const customerOf = new Map((data as { id: string; customer?: { id: string } | null }[]).map((p) => [p.id, p.customer?.id]))
  const occasions: OccasionToday[] = []
  for (const profile of profiles) {
    const customerId = customerOf.get(profile.id)
    for (const kind of ["birthday", "anniversary"] as const) {
      const date = profile[kind]
      if (customerId && date && nextOccurrence(new Date(date), today).in_days === 0) {
        occasions.push({ customer_id: customerId, kind })
      }
    }
  }
  return { today, occasions }
}
