import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { monthDayKeys, nextOccurrence, shopToday } from "../../../../lib/occasions"
import { CRM_MODULE } from "../../../../modules/crm"
import type CrmModuleService from "../../../../modules/crm/service"
import type { UpcomingQueryType } from "../validators"

/** GET /admin/crm/upcoming?days=7 — birthdays and anniversaries from today (India) on, soonest first. */
export async function GET(req: MedusaRequest<unknown, UpcomingQueryType>, res: MedusaResponse) {
  const { days } = req.validatedQuery as UpcomingQueryType
  const today = shopToday()
  const profiles = await req.scope.resolve<CrmModuleService>(CRM_MODULE).listProfilesWithOccasionOn(monthDayKeys(today, days))
  const occasions = profiles.flatMap((p) =>
    (["birthday", "anniversary"] as const).flatMap((kind) => {
      const date = p[kind]
      if (!date) {
        return []
      }
      const next = nextOccurrence(new Date(date), today)
      return next.in_days <= days ? [{ profile_id: p.id, kind, ...next }] : []
    })
  )
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = occasions.length
    ? await query.graph({
        entity: "customer_profile",
        fields: ["id", "phone", "customer.id", "customer.first_name", "customer.last_name"],
        filters: { id: [...new Set(occasions.map((o) => o.profile_id))] },
      })
    : { data: [] }
  const byProfile = new Map((data as { id: string; phone: string | null; customer?: Record<string, unknown> | null }[]).map((p) => [p.id, p]))
  res.json({
    today,
    days,
    occasions: occasions
      .sort((a, b) => a.in_days - b.in_days)
      .map(({ profile_id, ...o }) => ({ ...o, phone: byProfile.get(profile_id)?.phone ?? null, customer: byProfile.get(profile_id)?.customer ?? null })),
  })
}
