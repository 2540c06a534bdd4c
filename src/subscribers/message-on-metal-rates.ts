import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { formatInr } from "../lib/money"
import { KARATS } from "../lib/pricing"
import { CRM_MODULE } from "../modules/crm"
import type CrmModuleService from "../modules/crm/service"
import { JEWELRY_MODULE } from "../modules/jewelry"
import type JewelryModuleService from "../modules/jewelry/service"
import { queueMessageWorkflow } from "../workflows/messaging"
import { METAL_RATES_SET_EVENT } from "../workflows/jewelry"

const PAGE = 500

/**
 * Newly published shop-wide rates go to the customers who asked for them
 * (consents.rate_alerts): the headline rate (22K gold when published, else
 * the first), once per publication and customer, as a promotional message
 * (channel consent, quiet hours and the daily cap apply).
 */
export default async function messageOnMetalRates({ event, container }: SubscriberArgs<{ ids: string[] }>) {
  const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
  const rates = (await jewelry.listMetalRates({ id: event.data.ids })).filter((r) => !r.branch_id)
  const headline = rates.find((r) => r.metal === "gold" && r.purity === 916) ?? rates[0]
  if (!headline) {
    return
  }
  const metal = `${KARATS[headline.purity] ?? `${headline.purity}`} ${headline.metal}`
  const rate = `${formatInr(headline.rate_per_g_paise)}/g`
  const crm: CrmModuleService = container.resolve(CRM_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let after = ""
  for (;;) {
    const profiles = await crm.listRateAlertProfiles(after, PAGE)
    if (!profiles.length) {
      break
    }
    const { data } = await query.graph({ entity: "customer_profile", fields: ["id", "customer.id"], filters: { id: profiles.map((p) => p.id) } })
    for (const row of data as { customer?: { id: string } | null }[]) {
      if (row.customer?.id) {
        await queueMessageWorkflow(container).run({
          input: { event: "metal_rate_alert", customer_id: row.customer.id, variables: { metal, rate }, idempotency_key: `rates:${headline.id}:${row.customer.id}` },
        })
      }
    }
    after = profiles[profiles.length - 1].id
  }
}

export const config: SubscriberConfig = {
  event: METAL_RATES_SET_EVENT,
  context: { subscriberId: "message-on-metal-rates" },
}
