import { z } from "@medusajs/framework/zod"
import { SALES_GROUPS } from "../../../modules/analytics/queries/sales-report"
import { MOVER_GROUPS, STOCK_GROUPS } from "../../../modules/analytics/queries/stock-report"
import { LOYALTY_GROUPS } from "../../../modules/analytics/queries/loyalty-report"
import { findParams, IndiaDay } from "../../utils/validators"

/** Query strings repeat a key for a list (`branch_id=a&branch_id=b`) or give it once. */
const oneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]))

/** The filters every report takes (docs/reports.md): days in India time, `to` included. */
export const ReportFilters = z.object({
  from: IndiaDay("from").optional(),
  to: IndiaDay("to").optional(),
  branch_id: oneOrMany.optional(),
  metal: z.enum(["gold", "silver", "platinum"]).optional(),
  purity: z.coerce.number().int().min(1).max(999).optional(),
  category: z.string().trim().min(1).max(100).optional(),
})

export const SalesReportQuery = ReportFilters.extend({
  group_by: z.enum(SALES_GROUPS).default("day"),
  channel: z.enum(["counter", "online", "payment_link"]).optional(),
  staff_user_id: z.string().min(1).optional(),
}).strict()

export type SalesReportQueryType = z.infer<typeof SalesReportQuery>

export const SalesExportQuery = SalesReportQuery.extend({
  format: z.enum(["csv", "xlsx"]).default("csv"),
}).strict()

export type SalesExportQueryType = z.infer<typeof SalesExportQuery>

/** The stock as it is now: no period; `limit`/`offset` page the dead-stock list. */
export const StockReportQuery = findParams({ limit: 20, maxLimit: 200 })
  .extend({
    group_by: z.enum(STOCK_GROUPS).default("branch"),
    branch_id: ReportFilters.shape.branch_id,
    metal: ReportFilters.shape.metal,
    purity: ReportFilters.shape.purity,
    category: ReportFilters.shape.category,
  })
  .strict()

export type StockReportQueryType = z.infer<typeof StockReportQuery>

/** The daily stock snapshots of a period (default the last 30 days). */
export const StockHistoryQuery = ReportFilters.strict()

export type StockHistoryQueryType = z.infer<typeof StockHistoryQuery>

export const CustomerReportQuery = ReportFilters.pick({ from: true, to: true, branch_id: true })
  .extend({
    /** A customer is lapsed when their last purchase is older than this. */
    lapsed_days: z.coerce.number().int().min(30).max(3650).default(180),
    /** Cohorts of the last `cohort_months` months (their first purchase). */
    cohort_months: z.coerce.number().int().min(1).max(36).default(12),
    limit: z.coerce.number().int().min(1).max(100).default(10),
    /** A birthday or anniversary is turned into a sale when the customer bought within this many days of it. */
    occasion_days: z.coerce.number().int().min(0).max(60).default(15),
  })
  .strict()

export type CustomerReportQueryType = z.infer<typeof CustomerReportQuery>

export const StaffReportQuery = ReportFilters.pick({ from: true, to: true, branch_id: true }).strict()

export type StaffReportQueryType = z.infer<typeof StaffReportQuery>

export const StaffExportQuery = StaffReportQuery.extend({ format: z.enum(["csv", "xlsx"]).default("csv") }).strict()

export type StaffExportQueryType = z.infer<typeof StaffExportQuery>

export const StockExportQuery = StockReportQuery.extend({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  /** A file holds up to 10 000 dead-stock lines (a page of the screen's list holds 200). */
  limit: z.coerce.number().int().min(1).max(10_000).default(10_000),
  /** The grouped table, or the dead-stock list (the page `limit`/`offset` give). */
  table: z.enum(["groups", "dead_stock"]).default("groups"),
}).strict()

export type StockExportQueryType = z.infer<typeof StockExportQuery>

export const CustomerExportQuery = CustomerReportQuery.extend({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  /** Top and lapsed customers: up to 10 000 a file (the screen shows 10). */
  limit: z.coerce.number().int().min(1).max(10_000).default(10_000),
  table: z.enum(["top", "lapsed", "cohorts"]).default("top"),
}).strict()

export type CustomerExportQueryType = z.infer<typeof CustomerExportQuery>

/** Every line behind the sales report: its filters, no grouping. */
export const SalesLinesExportQuery = SalesReportQuery.omit({ group_by: true })
  .extend({ format: z.enum(["csv", "xlsx"]).default("csv") })
  .strict()

export type SalesLinesExportQueryType = z.infer<typeof SalesLinesExportQuery>

export const LoyaltyReportQuery = ReportFilters.pick({ from: true, to: true, branch_id: true })
  .extend({ group_by: z.enum(LOYALTY_GROUPS).default("month") })
  .strict()

export type LoyaltyReportQueryType = z.infer<typeof LoyaltyReportQuery>

export const LoyaltyExportQuery = LoyaltyReportQuery.extend({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  table: z.enum(["points", "campaigns"]).default("points"),
}).strict()

export type LoyaltyExportQueryType = z.infer<typeof LoyaltyExportQuery>

export const MoversReportQuery = z
  .object({
    /** The sales window, ending now. */
    days: z.coerce.number().int().min(7).max(730).default(90),
    group_by: z.enum(MOVER_GROUPS).default("product"),
    branch_id: ReportFilters.shape.branch_id,
    metal: ReportFilters.shape.metal,
    purity: ReportFilters.shape.purity,
    category: ReportFilters.shape.category,
    limit: z.coerce.number().int().min(1).max(100).default(10),
  })
  .strict()

export type MoversReportQueryType = z.infer<typeof MoversReportQuery>

export const MoversExportQuery = MoversReportQuery.extend({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  list: z.enum(["fast", "slow"]).default("fast"),
}).strict()

export type MoversExportQueryType = z.infer<typeof MoversExportQuery>

export const CounterReportQuery = ReportFilters.pick({ from: true, to: true, branch_id: true }).strict()

export type CounterReportQueryType = z.infer<typeof CounterReportQuery>

/** The Tally export: a period, branches and which vouchers (docs/reports.md, "Tally export"). */
export const TALLY_VOUCHER_KINDS = ["sales", "receipts", "purchases", "job_work"] as const

export const TallyExportQuery = ReportFilters.pick({ from: true, to: true, branch_id: true })
  .extend({
    format: z.enum(["xml", "csv"]).default("xml"),
    /** sales: the invoices and credit notes; receipts: the payments taken and refunds made; purchases: old gold bought; job_work: metal out to karigars and back. All by default. */
    vouchers: z
      .union([z.enum(TALLY_VOUCHER_KINDS), z.array(z.enum(TALLY_VOUCHER_KINDS)).min(1)])
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .default([...TALLY_VOUCHER_KINDS]),
  })
  .strict()

export type TallyExportQueryType = z.infer<typeof TallyExportQuery>
