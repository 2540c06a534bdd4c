import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { PROFILE_LINK_TABLE } from "../../../lib/link-tables"
import { pgArray } from "../../../lib/pg-array"
import { withDates } from "../../../lib/sql-rows"

/** The profile's dates that are not named `…_at`. */
const PROFILE_DATES = ["birthday", "anniversary"] as const

export type CustomerWithProfile = { id: string; first_name: string | null; last_name: string | null; email: string | null; phone: string | null; created_at: Date } & {
  customer_profile: Record<string, unknown> | null
}

/** What a CustomerWithProfile row is read as, from the customer `c` and its profile `p`. */
const CUSTOMER_WITH_PROFILE_COLUMNS = "c.id, c.first_name, c.last_name, c.email, c.phone, c.created_at, to_jsonb(p) as customer_profile"

/** Live customers by id with their profiles through the link, read as `columns` of the customer `c` and its profile `p`. */
async function liveCustomersWithProfile<Row>(container: MedusaContainer, columns: string, customerIds: string[]): Promise<Row[]> {
  if (!customerIds.length) {
    return []
  }
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await knex.raw(
    `select ${columns}
       from customer c
       left join ${PROFILE_LINK_TABLE} l on l.customer_id = c.id and l.deleted_at is null
       left join customer_profile p on p.id = l.customer_profile_id and p.deleted_at is null
      where c.id = any(?::text[]) and c.deleted_at is null`,
    [pgArray(customerIds)]
  )) as { rows: Row[] }
  return rows
}

/**
 * Live customers' own fields (those the CRM's customer routes show) with
 * their profiles through the link, in one statement, in no set order: the
 * customer 360's head. Medusa's query graph reads them in three (customers,
 * links, profiles) one after another and builds an ORM entity of each row
 * (docs/benchmarks.md, "The customer 360's and the phone search's reads").
 * Unknown and deleted customers are left out.
 */
export async function customersWithProfiles(container: MedusaContainer, customerIds: string[]): Promise<CustomerWithProfile[]> {
  const rows = await liveCustomersWithProfile<CustomerWithProfile>(container, CUSTOMER_WITH_PROFILE_COLUMNS, customerIds)
  return rows.map((customer) => (customer.customer_profile ? { ...customer, customer_profile: profileWithDates(customer.customer_profile) } : customer))
}

/** What a message needs of its recipient: the customer's name and contacts, the profile's phone and consents. */
export type MessageRecipient = {
  id: string
  first_name: string | null
  email: string | null
  phone: string | null
  customer_profile: { phone: string | null; consents: Record<string, unknown> | null } | null
}

/**
 * Live customers as messages to them are decided (customersWithProfiles,
 * narrowed to what a message reads), in one statement, in no set order. A
 * campaign's batch reads two thousand of them: the whole profile of each
 * (to_jsonb) took 47 ms in PostgreSQL for a batch and these columns 29 ms,
 * before the larger rows were sent and parsed (docs/benchmarks.md, "Generating offers").
 */
export function messageRecipients(container: MedusaContainer, customerIds: string[]): Promise<MessageRecipient[]> {
  return liveCustomersWithProfile<MessageRecipient>(
    container,
    `c.id, c.first_name, c.email, c.phone,
     case when p.id is null then null else jsonb_build_object('phone', p.phone, 'consents', p.consents) end as customer_profile`,
    customerIds
  )
}

/**
 * Live customers whose profile has this phone (E.164) as its phone or its
 * alternate, with their profiles, in one statement, in no set order: the
 * CRM's search by phone. A number matches a handful of customers at most.
 */
export async function customersWithProfilesByPhone(container: MedusaContainer, phone: string): Promise<CustomerWithProfile[]> {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await knex.raw(
    `select ${CUSTOMER_WITH_PROFILE_COLUMNS}
       from customer_profile p
       join ${PROFILE_LINK_TABLE} l on l.customer_profile_id = p.id and l.deleted_at is null
       join customer c on c.id = l.customer_id and c.deleted_at is null
      where (p.phone = ? or p.alternate_phone = ?) and p.deleted_at is null`,
    [phone, phone]
  )) as { rows: CustomerWithProfile[] }
  return rows.map((customer) => ({ ...customer, customer_profile: profileWithDates(customer.customer_profile!) }))
}

/** One customer with their profile (customersWithProfiles); undefined for an unknown or deleted one. */
export async function customerWithProfile(container: MedusaContainer, customerId: string): Promise<CustomerWithProfile | undefined> {
  return (await customersWithProfiles(container, [customerId]))[0]
}

/** The profile's dates as the ORM gives them: Date objects, not JSON's strings. */
function profileWithDates(stored: Record<string, unknown>): Record<string, unknown> {
  const profile = withDates(stored)
  for (const key of PROFILE_DATES) {
    if (typeof profile[key] === "string") {
      profile[key] = new Date(profile[key] as string)
    }
  }
  return profile
}
