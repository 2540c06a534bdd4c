import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { PROFILE_LINK_TABLE } from "../../../lib/link-tables"
import { pgArray } from "../../../lib/pg-array"
import { SHOP_TIME_ZONE } from "./sales-report"

export const LOYALTY_GROUPS = ["day", "week", "month"] as const
export type LoyaltyGroup = (typeof LOYALTY_GROUPS)[number]

export type LoyaltyReportQuery = {
  from: Date
  /** Exclusive. */
  to: Date
  group_by: LoyaltyGroup
  /** Customers whose home branch is one of these; undefined for every customer. */
  branch_ids?: string[]
}

export type PointsPeriod = {
  /** The period's first day (YYYY-MM-DD; a week's Monday, a month's 1st). */
  period: string
  /** Earned on orders, bonuses, and positive adjustments. */
  issued: number
  redeemed: number
  expired: number
  /** Negative adjustments and reversals of earlier entries (a returned order's points). */
  other: number
  /** Everything posted in the period, signed. */
  net: number
}

const TRUNC: Record<LoyaltyGroup, string> = {
  day: `(pe.created_at at time zone '${SHOP_TIME_ZONE}')::date`,
  week: `date_trunc('week', pe.created_at at time zone '${SHOP_TIME_ZONE}')::date`,
  month: `date_trunc('month', pe.created_at at time zone '${SHOP_TIME_ZONE}')::date`,
}

/** Entries of customers at these home branches (the liability's own split, docs/reports.md). */
function homeBranch(branchIds: string[] | undefined, customerColumn: string): { sql: string; bindings: string[] } {
  if (!branchIds) {
    return { sql: "", bindings: [] }
  }
  return {
    sql: `join ${PROFILE_LINK_TABLE} pl on pl.customer_id = ${customerColumn} and pl.deleted_at is null
          join customer_profile cp on cp.id = pl.customer_profile_id and cp.deleted_at is null and cp.home_branch_id = any(?::text[])`,
    bindings: [pgArray(branchIds)],
  }
}

/**
 * The points ledger per period: what was issued, redeemed and expired.
 * Periods without entries are left out.
 */
export async function pointsPeriods(db: Knex, q: LoyaltyReportQuery): Promise<PointsPeriod[]> {
  const home = homeBranch(q.branch_ids, "pe.customer_id")
  const [from, to] = [q.from.toISOString(), q.to.toISOString()]
  const { rows } = (await db.raw(
    `with periods as (
       select ${TRUNC[q.group_by]} as period,
              coalesce(sum(pe.points) filter (where pe.type in ('earn', 'bonus') or (pe.type = 'adjust' and pe.points > 0)), 0)::bigint as issued,
              coalesce(-sum(pe.points) filter (where pe.type = 'redeem'), 0)::bigint as redeemed,
              coalesce(-sum(pe.points) filter (where pe.type = 'expire'), 0)::bigint as expired,
              coalesce(sum(pe.points) filter (where pe.type = 'reverse' or (pe.type = 'adjust' and pe.points < 0)), 0)::bigint as other,
              sum(pe.points)::bigint as net
         from points_entry pe ${home.sql}
        where pe.deleted_at is null and pe.created_at >= ? and pe.created_at < ?
        group by 1)
     select to_char(period, 'YYYY-MM-DD') as period, issued, redeemed, expired, other, net from periods order by period`,
    [...home.bindings, from, to]
  )) as { rows: Record<string, string | number>[] }
  return rows.map((r) => ({
    period: String(r.period),
    issued: Number(r.issued),
    redeemed: Number(r.redeemed),
    expired: Number(r.expired),
    other: Number(r.other),
    net: Number(r.net),
  }))
}

/** The points outstanding at an instant: everything posted before it (the ledger is only ever added to). */
export async function pointsOutstandingAt(db: Knex, at: Date, branchIds?: string[]): Promise<number> {
  const home = homeBranch(branchIds, "pe.customer_id")
  const { rows } = (await db.raw(`select coalesce(sum(pe.points), 0)::bigint as points from points_entry pe ${home.sql} where pe.deleted_at is null and pe.created_at < ?`, [
    ...home.bindings,
    at.toISOString(),
  ])) as { rows: { points: string }[] }
  return Number(rows[0].points)
}

export type CampaignResult = {
  campaign_id: string
  name: string
  kind: string
  /** Offers issued in the period, and of all the campaign's offers those redeemed in it. */
  issued: number
  redeemed: number
  revenue_paise: number
  discount_paise: number
}

/**
 * Each campaign with offers issued or redeemed in the period: how many, the
 * redeemed orders' revenue and the discount they took (the offers' own
 * record of them, rupees to paise). With branches: offers to customers whose
 * home branch is one of them.
 */
export async function campaignResults(db: Knex, q: Omit<LoyaltyReportQuery, "group_by">): Promise<CampaignResult[]> {
  const home = homeBranch(q.branch_ids, "o.customer_id")
  const [from, to] = [q.from.toISOString(), q.to.toISOString()]
  const { rows } = (await db.raw(
    `select c.id as campaign_id, c.name, c.kind,
            count(*) filter (where o.issued_at >= ? and o.issued_at < ?)::int as issued,
            count(*) filter (where o.status = 'redeemed' and o.redeemed_at >= ? and o.redeemed_at < ?)::int as redeemed,
            coalesce(round(sum(o.order_total * 100) filter (where o.status = 'redeemed' and o.redeemed_at >= ? and o.redeemed_at < ?)), 0)::bigint as revenue_paise,
            coalesce(round(sum(o.discount_total * 100) filter (where o.status = 'redeemed' and o.redeemed_at >= ? and o.redeemed_at < ?)), 0)::bigint as discount_paise
       from offer o
       join offer_campaign c on c.id = o.campaign_id
       ${home.sql}
      where o.deleted_at is null and ((o.issued_at >= ? and o.issued_at < ?) or (o.redeemed_at >= ? and o.redeemed_at < ?))
      group by c.id, c.name, c.kind
      order by 6 desc, 4 desc, c.name`,
    [from, to, from, to, from, to, from, to, ...home.bindings, from, to, from, to]
  )) as { rows: Record<string, string | number>[] }
  return rows.map((r) => ({
    campaign_id: String(r.campaign_id),
    name: String(r.name),
    kind: String(r.kind),
    issued: Number(r.issued),
    redeemed: Number(r.redeemed),
    revenue_paise: Number(r.revenue_paise),
    discount_paise: Number(r.discount_paise),
  }))
}
