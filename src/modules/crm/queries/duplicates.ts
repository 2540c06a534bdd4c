import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** Medusa's customer table and our customer ↔ profile link table (src/links/customer-profile.ts). */
import { PROFILE_LINK_TABLE } from "../../../lib/link-tables"

export { PROFILE_LINK_TABLE }

export type DuplicateReason = "phone" | "email" | "name_birthday"
export type DuplicateGroup = { reason: DuplicateReason; key: string; customer_ids: string[] }

/**
 * Groups of live customers who look like the same person: the same phone
 * (last ten digits of the profile phone, alternate phone or Medusa's own
 * phone field, however written), the same email, or the same name and
 * birthday. One SQL statement over customers and profiles.
 */
export async function findDuplicateCustomers(
  container: MedusaContainer,
  { by, limit, offset }: { by?: DuplicateReason; limit: number; offset: number }
): Promise<{ groups: DuplicateGroup[]; count: number }> {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await knex.raw(
    `with people as (
       select c.id as customer_id, c.first_name, c.last_name, c.email, c.phone as core_phone,
              p.phone, p.alternate_phone, p.birthday
         from customer c
         left join ${PROFILE_LINK_TABLE} l on l.customer_id = c.id and l.deleted_at is null
         left join customer_profile p on p.id = l.customer_profile_id and p.deleted_at is null
        where c.deleted_at is null
     ), keys as (
       select customer_id, 'phone' as reason, right(regexp_replace(number, '\\D', '', 'g'), 10) as key
         from people, unnest(array[phone, alternate_phone, core_phone]) as number
        where length(regexp_replace(coalesce(number, ''), '\\D', '', 'g')) >= 10
       union all
       select customer_id, 'email', lower(trim(email)) from people where coalesce(trim(email), '') <> ''
       union all
       select customer_id, 'name_birthday',
              lower(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))) || ' · ' || to_char(birthday at time zone 'UTC', 'YYYY-MM-DD')
         from people where birthday is not null and coalesce(trim(first_name), '') <> ''
     ), repeated as (
       -- Cheap first pass: keys seen more than once; only those are gathered into groups.
       select reason, key from keys where (?::text is null or reason = ?::text)
        group by reason, key having count(*) > 1
     ), groups as (
       select k.reason, k.key, array_agg(distinct k.customer_id order by k.customer_id) as customer_ids
         from keys k join repeated r on r.reason = k.reason and r.key = k.key
        group by k.reason, k.key having count(distinct k.customer_id) > 1
     )
     select reason, key, customer_ids, count(*) over () as total
       from groups order by reason, key limit ? offset ?`,
    [by ?? null, by ?? null, limit, offset]
  )) as { rows: { reason: DuplicateReason; key: string; customer_ids: string[]; total: string }[] }
  return {
    groups: rows.map(({ reason, key, customer_ids }) => ({ reason, key, customer_ids })),
    count: rows.length ? Number(rows[0].total) : offset ? await countGroups(container, by, limit) : 0,
  }
}

/** The count when the page asked for is past the end (no row carries it). */
async function countGroups(container: MedusaContainer, by: DuplicateReason | undefined, limit: number) {
  const first = await findDuplicateCustomers(container, { by, limit, offset: 0 })
  return first.count
}
