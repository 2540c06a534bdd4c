/**
 * The customer facts (offers module) are filled from four modules' tables in
 * one set-based statement: customer, CRM profile (through its link table),
 * purchase aggregates and loyalty account. Reading them through each module
 * one customer at a time would cost minutes at 100 000 customers; this takes
 * about a second. Table names are fixed by the modules and by our link in
 * src/links/customer-profile.ts.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { rfmScoreSql } from "../../../lib/rfm"
import { PROFILE_LINK_TABLE } from "../../../lib/link-tables"

const lowered = (column: string) => `array(select lower(x) from unnest(coalesce(${column}, '{}'::text[])) x)`
const consent = (channel: string) => `coalesce(p.consents -> '${channel}' ->> 'status' = 'granted', false)`

/**
 * One row per live customer (all of them, or the given ids), as the facts
 * table holds it; a customer without a points account is in the first tier
 * (the one binding before the ids).
 */
const SOURCE_SQL = (only: boolean) => `
  select c.id as customer_id, c.first_name, c.last_name, c.email, coalesce(p.phone, c.phone) as phone,
         to_char(p.birthday at time zone 'UTC', 'MMDD') as birthday_md,
         to_char(p.anniversary at time zone 'UTC', 'MMDD') as anniversary_md,
         ${lowered("p.preferred_metals")} as preferred_metals,
         ${lowered("p.preferred_categories")} as preferred_categories,
         ${lowered("p.tags")} as tags,
         p.home_branch_id, ${consent("sms")} as consent_sms, ${consent("whatsapp")} as consent_whatsapp, ${consent("email")} as consent_email,
         coalesce(a.tier, ?) as tier, coalesce(s.lifetime_value, 0) as lifetime_value, coalesce(s.order_count, 0) as order_count, s.last_order_at
    from customer c
    left join ${PROFILE_LINK_TABLE} l on l.customer_id = c.id and l.deleted_at is null
    left join customer_profile p on p.id = l.customer_profile_id and p.deleted_at is null
    left join customer_stats s on s.customer_id = c.id and s.deleted_at is null
    left join loyalty_account a on a.customer_id = c.id and a.deleted_at is null
   where c.deleted_at is null${only ? " and c.id = any(?::text[])" : ""}`

/**
 * RFM scores 1–5 by percentile rank among all customers: recency (latest
 * purchase = 5, never bought = 1), frequency (orders), monetary (lifetime
 * value). Equal values share a score, and the top customer scores 5 even in
 * a shop of three.
 */
const score = rfmScoreSql

const COLUMNS = [
  "first_name",
  "last_name",
  "email",
  "phone",
  "birthday_md",
  "anniversary_md",
  "preferred_metals",
  "preferred_categories",
  "tags",
  "home_branch_id",
  "consent_sms",
  "consent_whatsapp",
  "consent_email",
  "tier",
  "lifetime_value",
  "order_count",
  "last_order_at",
]
const SCORES = ["recency_score", "frequency_score", "monetary_score"]

function upsertSql(withScores: boolean, only: boolean) {
  const source = withScores
    ? `select src.*, ${score("last_order_at asc nulls first")} as recency_score, ${score("order_count asc")} as frequency_score,
              ${score("lifetime_value asc")} as monetary_score
         from (${SOURCE_SQL(false)}) src`
    : SOURCE_SQL(only)
  const written = withScores ? [...COLUMNS, ...SCORES] : COLUMNS
  return `
    insert into customer_facts (id, customer_id, ${written.join(", ")}, raw_lifetime_value, created_at, updated_at)
    select 'cfact_' || customer_id, customer_id, ${written.join(", ")},
           jsonb_build_object('value', lifetime_value::text, 'precision', 20), now(), now()
      from (${source}) f
    on conflict (customer_id) where deleted_at is null do update set
      ${[...written, "raw_lifetime_value"].map((c) => `${c} = excluded.${c}`).join(", ")}, updated_at = now()
    where (${written.map((c) => `customer_facts.${c}`).join(", ")}) is distinct from (${written.map((c) => `excluded.${c}`).join(", ")})`
}

/**
 * Rewrites every customer's facts and their RFM scores; removes the facts of
 * customers who are gone. Returns the number of live customers.
 */
export async function refreshAllCustomerFacts(knex: Knex, baseTier: string): Promise<number> {
  return knex.transaction(async (trx) => {
    await trx.raw(upsertSql(true, false), [baseTier])
    await trx.raw("delete from customer_facts where customer_id not in (select id from customer where deleted_at is null)")
    const { rows } = (await trx.raw("select count(*)::int as n from customer_facts where deleted_at is null")) as { rows: { n: number }[] }
    return rows[0].n
  })
}

/** Rewrites the facts of some customers (keeping their RFM scores until the next full refresh). */
export async function refreshCustomerFacts(knex: Knex, baseTier: string, customerIds: string[]): Promise<void> {
  if (!customerIds.length) {
    return
  }
  await knex.transaction(async (trx) => {
    await trx.raw(upsertSql(false, true), [baseTier, customerIds])
    await trx.raw(
      "delete from customer_facts where customer_id = any(?::text[]) and customer_id not in (select id from customer where id = any(?::text[]) and deleted_at is null)",
      [customerIds, customerIds]
    )
  })
}
