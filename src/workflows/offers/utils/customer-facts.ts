import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import DataLoader from "dataloader"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { OFFERS_MODULE } from "../../../modules/offers"
import type OffersModuleService from "../../../modules/offers/service"
import { refreshAllCustomerFacts, refreshCustomerFacts } from "./customer-facts-sql"

/** The tier of customers without a points account. */
const baseTier = async (container: MedusaContainer) => (await container.resolve<LoyaltyModuleService>(LOYALTY_MODULE).currentProgram()).tiers[0].name

/** Facts older than this are refreshed before a segment is evaluated (events keep them current in between). */
export const FACTS_MAX_AGE_MS = 24 * 60 * 60 * 1000

/**
 * Rewrites every customer's facts and RFM scores, one refresh at a time
 * across instances, and records when it finished.
 */
export async function refreshAllFacts(container: MedusaContainer): Promise<{ rows: number; took_ms: number; finished_at: Date }> {
  const locking = container.resolve(Modules.LOCKING)
  return locking.execute(
    "offers-customer-facts",
    async () => {
      const started = Date.now()
      const rows = await refreshAllCustomerFacts(container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION), await baseTier(container))
      const record = { rows, took_ms: Date.now() - started, finished_at: new Date() }
      container.resolve(ContainerRegistrationKeys.LOGGER).info(`Customer facts: ${rows} customers rewritten in ${record.took_ms} ms`)
      await container.resolve<OffersModuleService>(OFFERS_MODULE).createFactsRefreshes(record)
      return record
    },
    { timeout: 120 }
  )
}

/** When the facts were last rewritten in full, or null if never. */
export async function lastFullRefresh(container: MedusaContainer): Promise<Date | null> {
  const [last] = await container
    .resolve<OffersModuleService>(OFFERS_MODULE)
    .listFactsRefreshes({}, { order: { finished_at: "DESC" }, take: 1, select: ["finished_at"] })
  return last ? new Date(last.finished_at) : null
}

/** Refreshes every customer's facts first when they were never or too long ago refreshed in full; returns the time of the scores. */
export async function ensureFreshFacts(container: MedusaContainer, maxAgeMs = FACTS_MAX_AGE_MS): Promise<Date> {
  const last = await lastFullRefresh(container)
  if (last && Date.now() - last.getTime() < maxAgeMs) {
    return last
  }
  return (await refreshAllFacts(container)).finished_at
}

/** Brings some customers' facts up to date with their profile, purchases and tier. */
export async function refreshFactsOf(container: MedusaContainer, customerIds: string[]): Promise<void> {
  await refreshCustomerFacts(container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION), await baseTier(container), [...new Set(customerIds)])
}

/** The most subjects one coalesced refresh takes (the rest go into the next). */
const REFRESH_BATCH = 1000

/** What an event names a customer by: the customer, their CRM profile, or their purchase aggregates' row. */
export type FactsSubject = { customer: string } | { profile: string } | { stats: string }

/** The customers behind a batch of subjects: profiles and stats rows looked up in one read each. */
async function customersOf(container: MedusaContainer, subjects: readonly FactsSubject[]): Promise<string[]> {
  const customers = subjects.flatMap((s) => ("customer" in s ? [s.customer] : []))
  const profiles = subjects.flatMap((s) => ("profile" in s ? [s.profile] : []))
  const stats = subjects.flatMap((s) => ("stats" in s ? [s.stats] : []))
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [byProfile, byStats] = await Promise.all([
    profiles.length ? query.graph({ entity: "customer_profile", fields: ["customer.id"], filters: { id: profiles } }) : { data: [] },
    stats.length ? query.graph({ entity: "customer_stats", fields: ["customer_id"], filters: { id: stats } }) : { data: [] },
  ])
  return [
    ...customers,
    ...(byProfile.data as { customer?: { id: string } | null }[]).map((p) => p.customer?.id).filter((id): id is string => !!id),
    ...(byStats.data as { customer_id: string }[]).map((s) => s.customer_id),
  ]
}

const factsLoaders = new WeakMap<MedusaContainer, DataLoader<FactsSubject, void>>()

/**
 * refreshFactsOf for the events of one moment, together: every request made
 * before the event loop's next turn joins one refresh of all the customers
 * asked for, and each caller's promise settles with it. A workflow's events
 * are released together (an import of 250 customers sends 250
 * customer.created and as many profile events), so the facts are rewritten
 * in a few statements instead of a read and a transaction per event.
 */
export function refreshFactsSoon(container: MedusaContainer, subjects: FactsSubject[]): Promise<void> {
  let loader = factsLoaders.get(container)
  if (!loader) {
    loader = new DataLoader<FactsSubject, void>(
      async (subjects) => {
        await refreshFactsOf(container, await customersOf(container, subjects))
        return subjects.map(() => undefined)
      },
      // A refresh is a write to do again each time it is asked for, never a value to keep.
      { cache: false, maxBatchSize: REFRESH_BATCH }
    )
    factsLoaders.set(container, loader)
  }
  return Promise.all(subjects.map((subject) => loader.load(subject))).then(() => undefined)
}
