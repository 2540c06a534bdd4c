import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { z } from "@medusajs/framework/zod"
import { shopToday } from "../../lib/occasions"
import { compileSegmentRule, parseSegmentRule, type SegmentRule } from "../../lib/segments"
import { LOYALTY_MODULE } from "../../modules/loyalty"
import type LoyaltyModuleService from "../../modules/loyalty/service"
import { PROFILE_LINK_TABLE } from "./crm-duplicates"


/** One row per live customer with what segment rules look at; customers without an account sit in the first tier. */
const SEGMENT_BASE_SQL = `
  select c.id as customer_id, c.first_name, c.last_name, c.email, p.phone, p.birthday, p.anniversary,
         coalesce(p.preferred_metals, '{}') as preferred_metals, coalesce(p.preferred_categories, '{}') as preferred_categories,
         coalesce(p.tags, '{}') as tags, p.home_branch_id, coalesce(p.consents, '{}'::jsonb) as consents,
         coalesce(s.lifetime_value, 0) as lifetime_value, coalesce(s.order_count, 0) as order_count, s.last_order_at,
         coalesce(a.tier, ?) as tier
    from customer c
    left join ${PROFILE_LINK_TABLE} l on l.customer_id = c.id and l.deleted_at is null
    left join customer_profile p on p.id = l.customer_profile_id and p.deleted_at is null
    left join customer_stats s on s.customer_id = c.id and s.deleted_at is null
    left join loyalty_account a on a.customer_id = c.id and a.deleted_at is null
   where c.deleted_at is null`

/**
 * RFM scores 1–5 by percentile rank among all customers: recency (latest
 * purchase = 5, never bought = 1), frequency (orders), monetary (lifetime
 * value). Equal values share a score, and the top customer scores 5 even in
 * a shop of three.
 */
const score = (order: string) => `least(5, 1 + floor(percent_rank() over (order by ${order}) * 5))::int`
const RFM_SQL = `
  select base.*,
         ${score("last_order_at asc nulls first")} as recency_score,
         ${score("order_count asc")} as frequency_score,
         ${score("lifetime_value asc")} as monetary_score
    from base`

export const SegmentPreviewBody = z
  .object({
    rules: z.unknown().superRefine((value, ctx) => {
      for (const problem of parseSegmentRule(value).problems) {
        ctx.addIssue({ code: "custom", message: `Invalid segment rule: ${problem}` })
      }
    }),
    limit: z.number().int().min(1).max(100).default(20),
    offset: z.number().int().min(0).default(0),
  })
  .strict()
export type SegmentPreviewBodyType = z.infer<typeof SegmentPreviewBody>

export type SegmentMember = {
  customer_id: string
  first_name: string | null
  last_name: string | null
  email: string | null
  phone: string | null
  lifetime_value: number
  order_count: number
  last_order_at: Date | null
  tier: string
}

/** How many customers a rule selects and one page of them (highest lifetime value first), counted in SQL. */
export async function previewSegment(
  container: MedusaContainer,
  rule: SegmentRule,
  { limit, offset, now = new Date() }: { limit: number; offset: number; now?: Date }
): Promise<{ count: number; customers: SegmentMember[] }> {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const baseTier = (await container.resolve<LoyaltyModuleService>(LOYALTY_MODULE).currentProgram()).tiers[0].name
  const compiled = compileSegmentRule(rule, shopToday(now), now.toISOString())
  const source = `with base as (${SEGMENT_BASE_SQL})${compiled.uses_rfm ? `, scored as (${RFM_SQL})` : ""}
    select * from ${compiled.uses_rfm ? "scored" : "base"} where ${compiled.sql}`
  // One pass gives the page and the total; only a page past the end needs a count of its own.
  const page = (await knex.raw(
    `select customer_id, first_name, last_name, email, phone, lifetime_value, order_count, last_order_at, tier, count(*) over ()::int as total
       from (${source}) selected order by lifetime_value desc, customer_id limit ? offset ?`,
    [baseTier, ...compiled.bindings, limit, offset]
  )) as { rows: (SegmentMember & { total: number })[] }
  const count = page.rows.length
    ? page.rows[0].total
    : ((await knex.raw(`select count(*)::int as count from (${source}) selected`, [baseTier, ...compiled.bindings])) as { rows: { count: number }[] }).rows[0].count
  return {
    count,
    customers: page.rows.map(({ total: _total, ...r }) => ({ ...r, lifetime_value: Number(r.lifetime_value), order_count: Number(r.order_count) })),
  }
}
