import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refreshFactsOf } from "../workflows/offers"

type Payload = { id?: string; customer_id?: string; survivor_id?: string; merged_ids?: string[] }

/**
 * Keeps each customer's segment facts in step with what they are made of:
 * the Medusa customer, the CRM profile (its own events carry the profile's
 * id), the purchase aggregates (the stats row's id), the loyalty tier, and
 * merges. A missed event is put right by the next full refresh.
 */
export default async function offersCustomerFacts({ event, container }: SubscriberArgs<Payload>) {
  const data = event.data ?? {}
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let customerIds: string[] = []
  if (event.name.startsWith("customer.")) {
    customerIds = data.id ? [data.id] : []
  } else if (event.name.startsWith("crm.customer-profile.")) {
    const { data: profiles } = await query.graph({ entity: "customer_profile", fields: ["customer.id"], filters: { id: data.id } })
    customerIds = (profiles as { customer?: { id: string } | null }[]).map((p) => p.customer?.id).filter((id): id is string => !!id)
  } else if (event.name.startsWith("crm.customer-stats.")) {
    const { data: stats } = await query.graph({ entity: "customer_stats", fields: ["customer_id"], filters: { id: data.id } })
    customerIds = (stats as { customer_id: string }[]).map((s) => s.customer_id)
  } else if (event.name === "crm.customers.merged") {
    customerIds = [data.survivor_id, ...(data.merged_ids ?? [])].filter((id): id is string => !!id)
  } else if (data.customer_id) {
    customerIds = [data.customer_id]
  }
  await refreshFactsOf(container, customerIds)
}

export const config: SubscriberConfig = {
  event: [
    "customer.created",
    "customer.updated",
    "customer.deleted",
    "crm.customer-profile.created",
    "crm.customer-profile.updated",
    "crm.customer-stats.created",
    "crm.customer-stats.updated",
    "crm.customers.merged",
    "loyalty.tier_changed",
  ],
  context: { subscriberId: "offers-customer-facts" },
}
