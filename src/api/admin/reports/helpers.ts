import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { exportFileName, tableToCsv, tableToXlsx, type ReportTable } from "../../../lib/report-export"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { istToday } from "../../../lib/pos"
import { roundedRatio } from "../../../lib/money"
import { addMonths } from "../../../lib/savings-schemes"
import { RFM_LABELS, rfmMovement } from "../../../lib/rfm"
import { lastYearRange, previousRange, rangeInstants, reportRange, type DayRange } from "../../../lib/report-period"
import type { CustomerReport, FollowUpFigures, LoyaltyReport, MoversReport, SalesFigures, SalesReport, StaffReport, StockReport } from "../../../types/http"
import { campaignResults, pointsOutstandingAt, pointsPeriods } from "../../../modules/analytics/queries/loyalty-report"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { BRANCH_MODULE } from "../../../modules/branch"
import type BranchModuleService from "../../../modules/branch/service"
import { ANALYTICS_MODULE } from "../../../modules/analytics"
import { reportConnection, stockReportConnection } from "../../../reports/connection"
import type AnalyticsModuleService from "../../../modules/analytics/service"
import { billsAddUp, type SalesGroup, type SalesReportRow } from "../../../modules/analytics/queries/sales-report"
import { deadStock, stockGroups, stockMovers, type MoverRow, type StockGroupBy } from "../../../modules/analytics/queries/stock-report"
import { AGEING_BUCKETS, moverFigures, stockTotals, valueStock } from "../../../lib/stock-valuation"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"
import { branchScope } from "../../utils/access"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"
import type { CustomerReportQueryType, LoyaltyReportQueryType, MoversReportQueryType, SalesReportQueryType, StaffReportQueryType, StockReportQueryType } from "./validators"

const CHANNEL_LABELS: Record<string, string> = { counter: "Counter", online: "Online store", payment_link: "Payment link" }
const METAL_LABELS: Record<string, string> = { gold: "Gold", silver: "Silver", platinum: "Platinum" }

export type { SalesFigures, SalesReport }

const EMPTY: Omit<SalesReportRow, "key"> = {
  bills: 0,
  pieces: 0,
  gross_weight_mg: 0,
  net_weight_mg: 0,
  revenue_paise: 0,
  gst_paise: 0,
  discount_paise: 0,
  making_paise: 0,
  making_pieces: 0,
  returned_pieces: 0,
}

function sumRows(rows: SalesReportRow[]): Omit<SalesReportRow, "key"> {
  const sum = { ...EMPTY }
  for (const r of rows) {
    for (const k of Object.keys(EMPTY) as (keyof typeof EMPTY)[]) {
      sum[k] += r[k]
    }
  }
  return sum
}

function figures(row: Omit<SalesReportRow, "key"> & { key?: string } = EMPTY): SalesFigures {
  const sums = { ...row }
  delete sums.key
  return {
    ...sums,
    total_paise: sums.revenue_paise + sums.gst_paise,
    average_bill_paise: sums.bills ? Math.round(sums.revenue_paise / sums.bills) : 0,
    average_making_paise: sums.making_pieces ? Math.round(sums.making_paise / sums.making_pieces) : null,
  }
}

/**
 * The branches a report covers: those asked for, each one a branch
 * (400 naming branch_id otherwise) and, for branch-scoped staff, one of
 * theirs (403); none asked: the whole shop, or the user's own branches.
 */
export async function reportBranches(req: MedusaRequest, asked: string[] | undefined): Promise<string[] | undefined> {
  const scope = await branchScope(req)
  if (asked) {
    const known = await req.scope.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({ id: asked }, { select: ["id"] })
    const unknown = asked.filter((id) => !known.some((b) => b.id === id))
    if (unknown.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `branch_id: no branch ${unknown.map((id) => `"${id}"`).join(", ")}`)
    }
    const outside = scope ? asked.filter((id) => !scope.includes(id)) : []
    if (outside.length) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, `branch_id: ${outside.map((id) => `"${id}"`).join(", ")} is not one of your branches`)
    }
    return asked
  }
  return scope ?? undefined
}

/** What each group's key stands for: branch, staff and category names, metal and purity, channel, age. */
async function labels(req: MedusaRequest, group: SalesGroup | StockGroupBy, keys: string[]): Promise<Map<string, string>> {
  const present = keys.filter(Boolean)
  if (group === "branch" && present.length) {
    const branches = await req.scope.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({ id: present }, { select: ["id", "name"] })
    return new Map([...branches.map((b) => [b.id, b.name] as [string, string]), ["", "Online (no branch)"]])
  }
  if (group === "staff" && present.length) {
    const users = await req.scope.resolve(Modules.USER).listUsers({ id: present }, { select: ["id", "first_name", "last_name", "email"] })
    return new Map([...users.map((u) => [u.id, [u.first_name, u.last_name].filter(Boolean).join(" ") || u.email] as [string, string]), ["", "No staff member (online)"]])
  }
  if (group === "category" && present.length) {
    const categories = await req.scope.resolve(Modules.PRODUCT).listProductCategories({ handle: present }, { select: ["handle", "name"] })
    return new Map([...categories.map((c) => [c.handle, c.name] as [string, string]), ["", "Uncategorised"]])
  }
  if (group === "metal") {
    return new Map(
      keys.map((k) => {
        const [metal, purity] = k.split(":")
        return [k, k ? `${METAL_LABELS[metal] ?? metal} ${purity}` : "Not jewellery"]
      })
    )
  }
  if (group === "channel") {
    return new Map(keys.map((k) => [k, CHANNEL_LABELS[k] ?? k]))
  }
  if (group === "age") {
    return new Map(AGEING_BUCKETS.map((b) => [b.key, b.label]))
  }
  return new Map(keys.map((k) => [k, k || "All"]))
}

/** The sales report (docs/reports.md): the period grouped, its totals, and the previous period's and last year's beside them. */
export async function salesReportView(req: MedusaRequest, query: SalesReportQueryType, now = new Date()): Promise<SalesReport> {
  const range = reportRange({ from: query.from, to: query.to }, istToday(now))
  const branchIds = await reportBranches(req, query.branch_id)
  const analytics = req.scope.resolve<AnalyticsModuleService>(ANALYTICS_MODULE)
  const filters = { branch_ids: branchIds, metal: query.metal, purity: query.purity, category: query.category, channel: query.channel, staff_user_id: query.staff_user_id }
  const totalsOf = async (r: DayRange) => figures((await analytics.salesReport({ ...rangeInstants(r), group_by: "total", ...filters }))[0])
  const previous = previousRange(range)
  const lastYear = lastYearRange(range)
  // Where bills add up across groups the groups are the period's totals; otherwise the period is summed again.
  const addsUp = billsAddUp(query)
  const [rows, previousTotals, lastYearTotals, ownTotals] = await Promise.all([
    analytics.salesReport({ ...rangeInstants(range), group_by: query.group_by, ...filters }),
    totalsOf(previous),
    totalsOf(lastYear),
    addsUp ? undefined : totalsOf(range),
  ])
  const totals = ownTotals ?? figures(sumRows(rows))
  const named = await labels(
    req,
    query.group_by,
    rows.map((r) => r.key)
  )
  return {
    range,
    group_by: query.group_by,
    filters: Object.fromEntries(Object.entries({ ...filters, branch_ids: query.branch_id }).filter(([, v]) => v !== undefined)),
    rows: rows.map((r) => ({ key: r.key, label: named.get(r.key) ?? r.key, ...figures(r) })),
    totals,
    previous: { range: previous, totals: previousTotals },
    last_year: { range: lastYear, totals: lastYearTotals },
  }
}

/**
 * The stock report (docs/reports.md): the jewellery in stock now, grouped,
 * valued at today's rates and at its prices, with its age, and the pieces
 * that have sat for over a year (a page of them, oldest first).
 */
export async function stockReportView(req: MedusaRequest, query: StockReportQueryType, now = new Date()): Promise<StockReport> {
  const branchIds = await reportBranches(req, query.branch_id)
  const db = await stockReportConnection(req.scope)
  const filters = { branch_ids: branchIds, metal: query.metal, purity: query.purity, category: query.category }
  const [summary, rates, dead] = await Promise.all([
    stockGroups(db, query.group_by, filters, now),
    req.scope.resolve<JewelryModuleService>(JEWELRY_MODULE).listCurrentMetalRates({ at: now }),
    deadStock(db, filters, { limit: query.limit, offset: query.offset }, now),
  ])
  const rows = valueStock(summary.groups, rates)
  const [named, branchNames] = await Promise.all([
    labels(
      req,
      query.group_by,
      rows.map((r) => r.key)
    ),
    labels(
      req,
      "branch",
      dead.map((p) => p.branch_id)
    ),
  ])
  const order = new Map<string, number>(AGEING_BUCKETS.map((b, i) => [b.key, i]))
  return {
    as_of: now.toISOString(),
    group_by: query.group_by,
    filters: Object.fromEntries(Object.entries({ ...filters, branch_ids: query.branch_id }).filter(([, v]) => v !== undefined)),
    ageing_buckets: AGEING_BUCKETS.map((b) => ({ key: b.key, label: b.label })),
    rows: rows
      .map((r) => ({ ...r, label: named.get(r.key) ?? (r.key || "All") }))
      .sort((a, b) => (query.group_by === "age" ? (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0) : a.label.localeCompare(b.label))),
    totals: stockTotals(rows),
    dead_stock: {
      count: summary.dead_levels,
      limit: query.limit,
      offset: query.offset,
      pieces: dead.map((p) => ({ ...p, branch_name: branchNames.get(p.branch_id) ?? p.branch_id, in_stock_since: p.in_stock_since.toISOString() })),
    },
  }
}

/** Customers' names for a report: "First Last", else the email. */
async function customerNames(req: MedusaRequest, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) {
    return new Map()
  }
  const customers = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: ids }, { select: ["id", "first_name", "last_name", "email"], take: null })
  return new Map(customers.map((c) => [c.id, [c.first_name, c.last_name].filter(Boolean).join(" ") || c.email || c.id]))
}

/**
 * The customers report (docs/reports.md): who bought in the period (new,
 * returning, repeat), the top customers, the lapsed ones by what they spent,
 * and cohorts by the month of their first purchase.
 */
export async function customerReportView(req: MedusaRequest, query: CustomerReportQueryType, now = new Date()): Promise<CustomerReport> {
  const range = reportRange({ from: query.from, to: query.to }, istToday(now))
  const branchIds = await reportBranches(req, query.branch_id)
  const cohortStart = addMonths(`${istToday(now).slice(0, 7)}-01`, -(query.cohort_months - 1))
  const report = await req.scope.resolve<AnalyticsModuleService>(ANALYTICS_MODULE).customerReport({
    ...rangeInstants(range),
    branch_ids: branchIds,
    lapsed_before: new Date(now.getTime() - query.lapsed_days * 86_400_000),
    cohorts_from: cohortStart,
    limit: query.limit,
    occasion_days: query.occasion_days,
  })
  const names = await customerNames(req, [...new Set([...report.top, ...report.lapsed.customers].map((c) => c.customer_id))])
  const cohorts = new Map<string, CustomerReport["cohorts"][number]>()
  for (const c of report.cohorts) {
    const cohort = cohorts.get(c.cohort) ?? cohorts.set(c.cohort, { cohort: c.cohort, size: 0, months: [] }).get(c.cohort)!
    if (c.month === 0) {
      cohort.size = c.customers
    }
    cohort.months.push({ month: c.month, customers: c.customers, revenue_paise: c.revenue_paise })
  }
  const { mix } = report
  const rfm = rfmMovement(report.rfm_moves)
  return {
    range,
    lapsed_days: query.lapsed_days,
    mix: { ...mix, returning_customers: mix.customers - mix.new_customers, repeat_rate: mix.customers ? mix.repeat_customers / mix.customers : null },
    top: report.top.map((c) => ({ ...c, name: names.get(c.customer_id) ?? c.customer_id })),
    lapsed: {
      count: report.lapsed.count,
      customers: report.lapsed.customers.map((c) => ({ ...c, name: names.get(c.customer_id) ?? c.customer_id, last_purchase_at: c.last_purchase_at.toISOString() })),
    },
    cohorts: [...cohorts.values()],
    rfm: {
      sizes: rfm.sizes.map((x) => ({ ...x, label: RFM_LABELS[x.segment] })),
      moves: rfm.moves.slice(0, 20).map((m) => ({ ...m, from_label: m.from === "none" ? "First purchase in the period" : RFM_LABELS[m.from], to_label: RFM_LABELS[m.to] })),
    },
    occasions: {
      days: query.occasion_days,
      kinds: report.occasions.map((o) => ({ ...o, conversion_rate: roundedRatio(o.converted, o.occasions, 4) })),
    },
  }
}

/** Sends a report's table as a CSV or Excel download named after what it holds (`nameParts`: report, period, filters). */
export async function sendReportTable(res: MedusaResponse, table: ReportTable, nameParts: (string | number | undefined | null)[], format: "csv" | "xlsx") {
  res.setHeader("Content-Disposition", `attachment; filename="${exportFileName(nameParts, format)}"`)
  res.setHeader("Cache-Control", "no-store")
  if (format === "xlsx") {
    res.setHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    res.send(await tableToXlsx(table))
    return
  }
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.send(tableToCsv(table))
}

const NO_FOLLOW_UPS: FollowUpFigures = { done: 0, done_late: 0, open: 0, overdue: 0 }

/**
 * The staff report (docs/reports.md): each staff member's bills, pieces and
 * sales at each branch in the period, beside their follow-ups — done in
 * the period (and late) and open now (and overdue).
 */
export async function staffReportView(req: MedusaRequest, query: StaffReportQueryType, now = new Date()): Promise<StaffReport> {
  const range = reportRange({ from: query.from, to: query.to }, istToday(now))
  const branchIds = await reportBranches(req, query.branch_id)
  const instants = rangeInstants(range)
  const [sales, followUps] = await Promise.all([
    req.scope.resolve<AnalyticsModuleService>(ANALYTICS_MODULE).salesReport({ ...instants, group_by: "staff_branch", branch_ids: branchIds }),
    req.scope.resolve<CrmModuleService>(CRM_MODULE).summarizeFollowUps({ ...instants, now, branch_ids: branchIds }),
  ])
  const rows = new Map<string, Omit<StaffReport["rows"][number], "staff_name" | "branch_name">>()
  const rowOf = (staff: string, branchId: string) => {
    const key = `${staff}|${branchId}`
    return (
      rows.get(key) ??
      rows
        .set(key, { staff_user_id: staff, branch_id: branchId, bills: 0, pieces: 0, net_weight_mg: 0, revenue_paise: 0, average_bill_paise: 0, follow_ups: { ...NO_FOLLOW_UPS } })
        .get(key)!
    )
  }
  for (const s of sales) {
    const [staff, branchId] = s.key.split("|")
    Object.assign(rowOf(staff, branchId), { bills: s.bills, pieces: s.pieces, net_weight_mg: s.net_weight_mg, revenue_paise: s.revenue_paise, average_bill_paise: figures(s).average_bill_paise })
  }
  for (const f of followUps) {
    rowOf(f.assignee_user_id ?? "", f.branch_id ?? "").follow_ups = { done: f.done, done_late: f.done_late, open: f.open, overdue: f.overdue }
  }
  const all = [...rows.values()]
  const [staffNames, branchNames] = await Promise.all([
    labels(req, "staff", all.map((r) => r.staff_user_id)),
    labels(req, "branch", all.map((r) => r.branch_id)),
  ])
  const named = all
    .map((r) => ({
      ...r,
      staff_name: r.staff_user_id ? (staffNames.get(r.staff_user_id) ?? r.staff_user_id) : r.branch_id ? "No staff member" : "Online (no staff member)",
      branch_name: branchNames.get(r.branch_id) ?? r.branch_id,
    }))
    .sort((a, b) => b.revenue_paise - a.revenue_paise || a.staff_name.localeCompare(b.staff_name) || a.branch_name.localeCompare(b.branch_name))
  const sum = (pick: (r: (typeof all)[number]) => number) => all.reduce((n, r) => n + pick(r), 0)
  const totals = {
    bills: sum((r) => r.bills),
    pieces: sum((r) => r.pieces),
    net_weight_mg: sum((r) => r.net_weight_mg),
    revenue_paise: sum((r) => r.revenue_paise),
    average_bill_paise: 0,
    follow_ups: {
      done: sum((r) => r.follow_ups.done),
      done_late: sum((r) => r.follow_ups.done_late),
      open: sum((r) => r.follow_ups.open),
      overdue: sum((r) => r.follow_ups.overdue),
    },
  }
  totals.average_bill_paise = totals.bills ? Math.round(totals.revenue_paise / totals.bills) : 0
  return {
    range,
    filters: query.branch_id ? { branch_ids: query.branch_id } : {},
    rows: named,
    totals,
  }
}

/**
 * The loyalty report (docs/reports.md): points issued, redeemed and expired
 * per period with what was outstanding at each period's end, valued at
 * today's point value, and each campaign's offers issued and redeemed in
 * the period with the revenue and discount they brought.
 */
export async function loyaltyReportView(req: MedusaRequest, query: LoyaltyReportQueryType, now = new Date()): Promise<LoyaltyReport> {
  const range = reportRange({ from: query.from, to: query.to }, istToday(now))
  const branchIds = await reportBranches(req, query.branch_id)
  const db = await reportConnection(req.scope)
  const instants = rangeInstants(range)
  const [program, opening, periods, campaigns] = await Promise.all([
    req.scope.resolve<LoyaltyModuleService>(LOYALTY_MODULE).currentProgram(),
    pointsOutstandingAt(db, instants.from, branchIds),
    pointsPeriods(db, { ...instants, group_by: query.group_by, branch_ids: branchIds }),
    campaignResults(db, { ...instants, branch_ids: branchIds }),
  ])
  const value = (points: number) => points * program.point_value_paise
  let outstanding = opening
  const totals = { issued: 0, redeemed: 0, expired: 0, other: 0, net: 0 }
  const rows = periods.map((p) => {
    outstanding += p.net
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) {
      totals[k] += p[k]
    }
    return { ...p, outstanding, outstanding_value_paise: value(outstanding) }
  })
  return {
    range,
    group_by: query.group_by,
    filters: query.branch_id ? { branch_ids: query.branch_id } : {},
    point_value_paise: program.point_value_paise,
    opening: { points: opening, value_paise: value(opening) },
    periods: rows,
    totals,
    closing: { points: outstanding, value_paise: value(outstanding) },
    campaigns: campaigns.map((c) => ({ ...c, return_on_discount: roundedRatio(c.revenue_paise, c.discount_paise, 2) })),
  }
}

/**
 * Fast and slow movers (docs/reports.md): designs or categories by the
 * pieces sold in the last `days` days beside the pieces in stock now, with
 * the sell-through and the days the stock would last at that pace.
 */
export async function moversReportView(req: MedusaRequest, query: MoversReportQueryType, now = new Date()): Promise<MoversReport> {
  const branchIds = await reportBranches(req, query.branch_id)
  const db = await stockReportConnection(req.scope)
  const filters = { branch_ids: branchIds, metal: query.metal, purity: query.purity, category: query.category }
  const movers = await stockMovers(db, query.group_by, filters, { since: new Date(now.getTime() - query.days * 86_400_000), until: now, limit: query.limit })
  const categories = query.group_by === "category" ? await labels(req, "category", [...movers.fast, ...movers.slow].map((m) => m.key)) : new Map<string, string>()
  const figures = (m: MoverRow) => ({
    key: m.key,
    label: m.title ?? categories.get(m.key) ?? (m.key || "Uncategorised"),
    sold: m.sold,
    revenue_paise: m.revenue_paise,
    in_stock: m.in_stock,
    ...moverFigures(m.sold, m.in_stock, query.days),
    last_sold_at: m.last_sold_at?.toISOString() ?? null,
  })
  return {
    as_of: now.toISOString(),
    days: query.days,
    group_by: query.group_by,
    filters: Object.fromEntries(Object.entries({ ...filters, branch_ids: query.branch_id }).filter(([, v]) => v !== undefined)),
    fast: movers.fast.map(figures),
    slow: movers.slow.map(figures),
  }
}
