import { PROFILE_LINK_TABLE } from "../../../lib/link-tables"
import { pgArray } from "../../../lib/pg-array"
import { rfmScoreSql } from "../../../lib/rfm"
import { SHOP_TIME_ZONE } from "./sales-report"

export type CustomerReportQuery = {
  from: Date
  /** Exclusive. */
  to: Date
  branch_ids?: string[]
  /** Customers whose last purchase is older than this are lapsed. */
  lapsed_before: Date
  /** Cohorts: customers by the month of their first purchase, from this month on (its first day, YYYY-MM-DD). */
  cohorts_from: string
  limit: number
  /** A birthday or anniversary counts as turned into a sale when the customer bought this many days either side of it. */
  occasion_days: number
}

type Sql = { sql: string; bindings: (string | number)[] }

/** The branch condition on a facts column, and its binding (none for the whole shop). */
function branchFilter(q: Pick<CustomerReportQuery, "branch_ids">, column = "branch_id"): { sql: string; bindings: string[] } {
  return q.branch_ids ? { sql: `and ${column} = any(?::text[])`, bindings: [pgArray(q.branch_ids)] } : { sql: "", bindings: [] }
}

/**
 * Who bought in the period: new customers (their first purchase, at these
 * branches, fell in it), returning ones, and those who bought twice or more.
 */
export function customerMixSql(q: CustomerReportQuery): Sql {
  const branch = branchFilter(q)
  const [from, to] = [q.from.toISOString(), q.to.toISOString()]
  return {
    sql: `with firsts as (
            select customer_id, min(occurred_at) as first_at from sales_fact
             where deleted_at is null and kind = 'sale' and customer_id is not null ${branch.sql}
             group by customer_id),
          period as (
            select customer_id, sum(bill) as bills, sum(revenue_paise) as revenue from sales_fact
             where deleted_at is null and customer_id is not null ${branch.sql} and occurred_at >= ? and occurred_at < ?
             group by customer_id having sum(bill) > 0)
          select count(*)::int as customers,
                 count(*) filter (where f.first_at >= ?)::int as new_customers,
                 count(*) filter (where p.bills >= 2)::int as repeat_customers,
                 coalesce(sum(p.revenue) filter (where f.first_at >= ?), 0)::bigint as new_revenue,
                 coalesce(sum(p.revenue), 0)::bigint as revenue
            from period p join firsts f using (customer_id)`,
    bindings: [...branch.bindings, ...branch.bindings, from, to, from, from],
  }
}

/** The customers who spent most in the period. */
export function topCustomersSql(q: CustomerReportQuery): Sql {
  const branch = branchFilter(q)
  return {
    sql: `select customer_id, sum(bill)::int as bills, sum(revenue_paise)::bigint as revenue from sales_fact
           where deleted_at is null and customer_id is not null ${branch.sql} and occurred_at >= ? and occurred_at < ?
           group by customer_id order by sum(revenue_paise) desc, customer_id limit ?`,
    bindings: [...branch.bindings, q.from.toISOString(), q.to.toISOString(), q.limit],
  }
}

/** Customers who have not bought since `lapsed_before`, by what they have spent in all. */
export function lapsedCustomersSql(q: CustomerReportQuery): Sql {
  const branch = branchFilter(q)
  return {
    sql: `select customer_id, sum(bill)::int as bills, sum(revenue_paise)::bigint as lifetime_revenue, max(occurred_at) filter (where kind = 'sale') as last_at,
                 count(*) over ()::int as total
            from sales_fact where deleted_at is null and customer_id is not null ${branch.sql}
           group by customer_id having max(occurred_at) filter (where kind = 'sale') < ?
           order by sum(revenue_paise) desc, customer_id limit ?`,
    bindings: [...branch.bindings, q.lapsed_before.toISOString(), q.limit],
  }
}

/**
 * Cohorts by the month of the first purchase: for each cohort and each month
 * since, how many of its customers bought and what they spent (the heat map).
 */
export function cohortsSql(q: CustomerReportQuery): Sql {
  const branch = branchFilter(q)
  const inner = branchFilter(q, "s.branch_id")
  const month = (col: string) => `date_trunc('month', ${col} at time zone '${SHOP_TIME_ZONE}')::date`
  return {
    sql: `with firsts as (
            select customer_id, ${month("min(occurred_at)")} as cohort from sales_fact
             where deleted_at is null and kind = 'sale' and customer_id is not null ${branch.sql}
             group by customer_id)
          select to_char(f.cohort, 'YYYY-MM') as cohort,
                 ((extract(year from ${month("s.occurred_at")}) - extract(year from f.cohort)) * 12
                   + extract(month from ${month("s.occurred_at")}) - extract(month from f.cohort))::int as month,
                 count(distinct s.customer_id)::int as customers, sum(s.revenue_paise)::bigint as revenue
            from sales_fact s join firsts f using (customer_id)
           where s.deleted_at is null and s.kind = 'sale' and f.cohort >= ?::date ${inner.sql}
           group by 1, 2 order by 1, 2`,
    bindings: [...branch.bindings, q.cohorts_from, ...inner.bindings],
  }
}

/**
 * Birthdays and anniversaries in the period (each year's date of it; 29
 * February falls on the 28th in other years) and how many of them the
 * customer bought within `occasion_days` days of, with what they spent
 * then. With branches: customers of those home branches, buying there.
 */
export function occasionSalesSql(q: CustomerReportQuery): Sql {
  const branch = branchFilter(q, "s.branch_id")
  const home = q.branch_ids ? "and p.home_branch_id = any(?::text[])" : ""
  const [from, to] = [q.from.toISOString(), q.to.toISOString()]
  const local = (col: string) => `(${col} at time zone '${SHOP_TIME_ZONE}')::date`
  return {
    sql: `with occasions as (
            select l.customer_id, o.kind, (o.day + make_interval(years => y - extract(year from o.day)::int))::date as day
              from customer_profile p
              join ${PROFILE_LINK_TABLE} l on l.customer_profile_id = p.id and l.deleted_at is null
              cross join lateral (values ('birthday', (p.birthday at time zone 'UTC')::date), ('anniversary', (p.anniversary at time zone 'UTC')::date)) as o(kind, day)
              cross join generate_series(extract(year from ${local("?::timestamptz")})::int, extract(year from ${local("?::timestamptz")} - 1)::int) as y
             where p.deleted_at is null and o.day is not null ${home}),
          in_period as (
            select * from occasions where day >= ${local("?::timestamptz")} and day < ${local("?::timestamptz")}),
          bought as (
            select i.customer_id, i.kind, i.day, coalesce(sum(s.bill), 0)::int as bills, coalesce(sum(s.revenue_paise), 0)::bigint as revenue
              from in_period i
              left join sales_fact s on s.customer_id = i.customer_id and s.deleted_at is null ${branch.sql}
                    and s.occurred_at >= (i.day - ?::int) at time zone '${SHOP_TIME_ZONE}'
                    and s.occurred_at < (i.day + ?::int + 1) at time zone '${SHOP_TIME_ZONE}'
             group by 1, 2, 3)
          select kind, count(*)::int as occasions, count(*) filter (where bills > 0)::int as converted, coalesce(sum(revenue), 0)::bigint as revenue
            from bought group by kind order by kind`,
    bindings: [from, to, ...(q.branch_ids ? [pgArray(q.branch_ids)] : []), from, to, ...branch.bindings, q.occasion_days, q.occasion_days],
  }
}

/**
 * Each buyer's recency and frequency scores at the period's start and at its
 * end (among the buyers of each instant, from their bills before it),
 * counted by the four scores: src/lib/rfm.ts names the segments and the
 * moves. A customer with no bill before the start has no first scores.
 */
export function rfmMovesSql(q: CustomerReportQuery): Sql {
  const branch = branchFilter(q)
  const at = (alias: string) => `${alias} as (
            select customer_id, ${rfmScoreSql("max(occurred_at) asc")} as r, ${rfmScoreSql("sum(bill) asc")} as f
              from sales_fact
             where deleted_at is null and kind = 'sale' and customer_id is not null ${branch.sql} and occurred_at < ?
             group by customer_id)`
  return {
    sql: `with ${at("at_start")}, ${at("at_end")}
          select s.r as r0, s.f as f0, e.r as r1, e.f as f1, count(*)::int as customers
            from at_end e left join at_start s using (customer_id)
           group by 1, 2, 3, 4`,
    bindings: [...branch.bindings, q.from.toISOString(), ...branch.bindings, q.to.toISOString()],
  }
}
