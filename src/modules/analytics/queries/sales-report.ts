import { pgArray } from "../../../lib/pg-array"

/** The shop's day: reports group by the calendar in India, whatever the server's zone. */
export const SHOP_TIME_ZONE = "Asia/Kolkata"

export const SALES_GROUPS = ["total", "day", "week", "month", "branch", "channel", "staff", "category", "metal"] as const
export type SalesGroup = (typeof SALES_GROUPS)[number]

export type SalesReportQuery = {
  from: Date
  /** Exclusive. */
  to: Date
  group_by: SalesGroup
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

const KEY: Record<SalesGroup, string> = {
  total: "''",
  day: `to_char(occurred_at at time zone '${SHOP_TIME_ZONE}', 'YYYY-MM-DD')`,
  week: `to_char(date_trunc('week', occurred_at at time zone '${SHOP_TIME_ZONE}'), 'YYYY-MM-DD')`,
  month: `to_char(occurred_at at time zone '${SHOP_TIME_ZONE}', 'YYYY-MM')`,
  branch: "coalesce(branch_id, '')",
  channel: "channel::text",
  staff: "coalesce(staff_user_id, '')",
  category: "coalesce(category, '')",
  metal: "coalesce(metal || ':' || purity, '')",
}

/** One grouped pass over the facts of the range; every filter an indexed or cheap condition. */
export function salesReportSql(q: SalesReportQuery): { sql: string; bindings: (string | number)[] } {
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
  const sql = `select ${KEY[q.group_by]} as key,
            count(distinct order_id) filter (where kind = 'sale') as bills,
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
      where ${where.join(" and ")}
      group by 1
      order by 1`
  return { sql, bindings }
}
