import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { PROFILE_LINK_TABLE } from "../../../lib/link-tables"
import { withDates } from "../../../lib/sql-rows"

/** The profile's dates that are not named `…_at`. */
const PROFILE_DATES = ["birthday", "anniversary"] as const

export type CustomerWithProfile = { id: string; first_name: string | null; last_name: string | null; email: string | null; phone: string | null; created_at: Date } & {
  customer_profile: Record<string, unknown> | null
}

/**
 * A live customer's own fields (those the CRM's customer routes show) with
 * their profile through the link, in one statement: the customer 360's
 * head, which Medusa's query graph reads in three (customer, link, profile)
 * one after another (docs/benchmarks.md, "The customer 360's and the phone
 * search's reads"). Undefined for an unknown or deleted customer.
 */
export async function customerWithProfile(container: MedusaContainer, customerId: string): Promise<CustomerWithProfile | undefined> {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await knex.raw(
    `select c.id, c.first_name, c.last_name, c.email, c.phone, c.created_at, to_jsonb(p) as customer_profile
       from customer c
       left join ${PROFILE_LINK_TABLE} l on l.customer_id = c.id and l.deleted_at is null
       left join customer_profile p on p.id = l.customer_profile_id and p.deleted_at is null
      where c.id = ? and c.deleted_at is null
      limit 1`,
    [customerId]
  )) as { rows: CustomerWithProfile[] }
  const customer = rows[0]
  if (!customer?.customer_profile) {
    return customer
  }
  const profile = withDates(customer.customer_profile)
  for (const key of PROFILE_DATES) {
    if (typeof profile[key] === "string") {
      profile[key] = new Date(profile[key] as string)
    }
  }
  return { ...customer, customer_profile: profile }
}
