import { pgArray } from "../../../lib/pg-array"

/** The shop's day: reports group by the calendar in India, whatever the server's zone. */
export const SHOP_TIME_ZONE = "Asia/Kolkata"

export const SALES_GROUPS = ["total", "day", "week", "month", "branch", "channel", "staff", "category", "metal"] as const
export type SalesGroup = (typeof SALES_GROUPS)[number]
/** Groups the reports use beyond the sales report's own: the staff report's staff member at a branch ("staff|branch"). */
export type FactGroup = SalesGroup | "staff_branch"

export type SalesReportQuery = {
  from: Date
  /** Exclusive. */
  to: Date
  group_by: FactGroup
  /** Only these branches (branch-scoped staff, or a filter); undefined for the whole shop, online sales included. */
  branch_ids?: string[]
  metal?: string
  purity?: number
  category?: string
  channel?: string
  staff_user_id?: string
}

export type SalesReportRow = {
  /** The group: a day (YYYY-MM-DD), week (its Monday), month (YYYY-MM), branch/staff id, channel, category, or metal:purity; "" for none. */
  key: string
  bills: number
  /** Pieces sold less pieces returned. */
  pieces: number
  gross_weight_mg: number
  net_weight_mg: number
  revenue_paise: number
  gst_paise: number
  discount_paise: number
  /** Making charges of the lines that recorded theirs, and their pieces (for the average). */
  making_paise: number
  making_pieces: number
  returned_pieces: number
}

/** What a group is, per fact row, and how its value is shown (after grouping, so formatting runs once a group). */
const GROUP: Record<FactGroup, { by: string; key: string }> = {
  total: { by: "''", key: "k" },
  day: { by: `(occurred_at at time zone '${SHOP_TIME_ZONE}')::date`, key: "to_char(k, 'YYYY-MM-DD')" },
  week: { by: `date_trunc('week', occurred_at at time zone '${SHOP_TIME_ZONE}')::date`, key: "to_char(k, 'YYYY-MM-DD')" },
  month: { by: `date_trunc('month', occurred_at at time zone '${SHOP_TIME_ZONE}')::date`, key: "to_char(k, 'YYYY-MM')" },
  branch: { by: "coalesce(branch_id, '')", key: "k" },
  channel: { by: "channel::text", key: "k" },
  staff: { by: "coalesce(staff_user_id, '')", key: "k" },
  staff_branch: { by: "coalesce(staff_user_id, '') || '|' || coalesce(branch_id, '')", key: "k" },
  category: { by: "coalesce(category, '')", key: "k" },
  metal: { by: "coalesce(metal || ':' || purity, '')", key: "k" },
}

/**
 * Whether every bill falls in one group and passes the filters whole: then
 * bills are the sum of the bill markers, and the groups add up to the
 * totals. Grouping or filtering by what a line is (metal, purity, category)
 * can split an order; then bills are the orders counted in each group.
 */
export function billsAddUp(q: Pick<SalesReportQuery, "group_by" | "metal" | "purity" | "category">): boolean {
  return q.group_by !== "category" && q.group_by !== "metal" && q.metal === undefined && q.purity === undefined && q.category === undefined
}

/** The facts of a range that pass the filters: every filter an indexed or cheap condition. */
export function factConditions(q: Omit<SalesReportQuery, "group_by">): { where: string; bindings: (string | number)[] } {
  const where = ["deleted_at is null", "occurred_at >= ?", "occurred_at < ?"]
  const bindings: (string | number)[] = [q.from.toISOString(), q.to.toISOString()]
  if (q.branch_ids) {
    where.push("branch_id = any(?::text[])")
    bindings.push(pgArray(q.branch_ids))
  }
  for (const [column, value] of [
    ["metal", q.metal],
    ["purity", q.purity],
    ["category", q.category],
    ["channel", q.channel],
    ["staff_user_id", q.staff_user_id],
  ] as const) {
    if (value !== undefined) {
      where.push(`${column}${column === "channel" ? "::text" : ""} = ?`)
      bindings.push(value)
    }
  }
  return { where: where.join(" and "), bindings }
}

/** One grouped pass over the facts of the range. */
export function salesReportSql(q: SalesReportQuery): { sql: string; bindings: (string | number)[] } {
  const { where, bindings } = factConditions(q)
  const group = GROUP[q.group_by]
  // Counting distinct orders costs as much as the rest of the sums together: only where a bill can be split.
  const bills = billsAddUp(q) ? "coalesce(sum(bill), 0)" : "count(distinct order_id) filter (where kind = 'sale')"
  const sql = `select ${group.key} as key, bills, pieces, gross_weight_mg, net_weight_mg, revenue_paise, gst_paise, discount_paise, making_paise, making_pieces, returned_pieces
       from (select ${group.by} as k,
                    ${bills} as bills,
                    coalesce(sum(pieces), 0) as pieces,
                    coalesce(sum(gross_weight_mg), 0) as gross_weight_mg,
                    coalesce(sum(net_weight_mg), 0) as net_weight_mg,
                    coalesce(sum(revenue_paise), 0) as revenue_paise,
                    coalesce(sum(gst_paise), 0) as gst_paise,
                    coalesce(sum(discount_paise), 0) as discount_paise,
                    coalesce(sum(making_paise), 0) as making_paise,
                    coalesce(sum(pieces) filter (where making_paise is not null), 0) as making_pieces,
                    coalesce(-sum(pieces) filter (where kind = 'return'), 0) as returned_pieces
               from sales_fact
              where ${where}
              group by 1) g
      order by k`
  return { sql, bindings }
}

/** The best sellers of a range: variants by sales before GST net of returns, those still sold on balance. */
export function topSellersSql(q: Omit<SalesReportQuery, "group_by"> & { limit: number }): { sql: string; bindings: (string | number)[] } {
  const { where, bindings } = factConditions(q)
  return {
    sql: `select variant_id, sum(pieces)::int as pieces, sum(revenue_paise)::bigint as revenue_paise
            from sales_fact
           where ${where} and variant_id is not null
           group by variant_id
          having sum(pieces) > 0
           order by 3 desc, 1
           limit ?`,
    bindings: [...bindings, q.limit],
  }
}
