import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { refreshFactsSoon, type FactsSubject } from "../workflows/offers"

type Payload = { id?: string; customer_id?: string; survivor_id?: string; merged_ids?: string[] }

/**
 * Keeps each customer's segment facts in step with what they are made of:
 * the Medusa customer, the CRM profile (its own events carry the profile's
 * id), the purchase aggregates (the stats row's id), the loyalty tier, and
 * merges. A missed event is put right by the next full refresh; the events of one
 * moment are refreshed together (refreshFactsSoon).
 */
export default async function offersCustomerFacts({ event, container }: SubscriberArgs<Payload>) {
  await refreshFactsSoon(container, subjectsOf(event.name, event.data ?? {}))
}

/** Whom an event is about: profile and stats events name their row, the others the customers themselves. */
function subjectsOf(name: string, data: Payload): FactsSubject[] {
  if (name.startsWith("crm.customer-profile.")) {
    return data.id ? [{ profile: data.id }] : []
  }
  if (name.startsWith("crm.customer-stats.")) {
    return data.id ? [{ stats: data.id }] : []
  }
  const customers = name.startsWith("customer.") ? [data.id] : name === "crm.customers.merged" ? [data.survivor_id, ...(data.merged_ids ?? [])] : [data.customer_id]
  return customers.filter((id): id is string => !!id).map((customer) => ({ customer }))
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
