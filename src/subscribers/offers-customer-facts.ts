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
  const data = event.data ?? {}
  const ids = (list: (string | undefined)[]) => list.filter((id): id is string => !!id)
  let subjects: FactsSubject[] = []
  if (event.name.startsWith("customer.")) {
    subjects = ids([data.id]).map((customer) => ({ customer }))
  } else if (event.name.startsWith("crm.customer-profile.")) {
    subjects = ids([data.id]).map((profile) => ({ profile }))
  } else if (event.name.startsWith("crm.customer-stats.")) {
    subjects = ids([data.id]).map((stats) => ({ stats }))
  } else if (event.name === "crm.customers.merged") {
    subjects = ids([data.survivor_id, ...(data.merged_ids ?? [])]).map((customer) => ({ customer }))
  } else {
    subjects = ids([data.customer_id]).map((customer) => ({ customer }))
  }
  await refreshFactsSoon(container, subjects)
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
