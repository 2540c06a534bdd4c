import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ReportTable } from "../../../../../lib/report-export"
import { customerReportView, sendReportTable } from "../../helpers"
import type { CustomerExportQueryType } from "../../validators"

/**
 * GET /admin/reports/customers/export?table=top|lapsed|cohorts&format=csv|xlsx —
 * one of the customers report's tables (the same query as GET /admin/reports/customers).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as CustomerExportQueryType
  const report = await customerReportView(req, query)
  const tables: Record<CustomerExportQueryType["table"], () => ReportTable> = {
    top: () => ({
      title: "Top customers",
      columns: [
        { header: "Customer", kind: "text" },
        { header: "Customer id", kind: "text" },
        { header: "Bills", kind: "count" },
        { header: "Sales before GST (₹)", kind: "rupees" },
      ],
      rows: report.top.map((c) => [c.name, c.customer_id, c.bills, c.revenue_paise]),
    }),
    lapsed: () => ({
      title: `Lapsed ${report.lapsed_days} days`,
      columns: [
        { header: "Customer", kind: "text" },
        { header: "Customer id", kind: "text" },
        { header: "Bills", kind: "count" },
        { header: "Lifetime sales before GST (₹)", kind: "rupees" },
        { header: "Last purchase", kind: "text" },
      ],
      rows: report.lapsed.customers.map((c) => [c.name, c.customer_id, c.bills, c.lifetime_revenue_paise, c.last_purchase_at.slice(0, 10)]),
    }),
    cohorts: () => {
      const months = Math.max(0, ...report.cohorts.flatMap((c) => c.months.map((m) => m.month))) + 1
      return {
        title: "Cohorts",
        columns: [
          { header: "First purchase in", kind: "text" },
          { header: "Customers", kind: "count" },
          ...Array.from({ length: months }, (_, m) => ({ header: `Buying in month ${m}`, kind: "count" as const })),
        ],
        rows: report.cohorts.map((c) => [c.cohort, c.size, ...Array.from({ length: months }, (_, m) => c.months.find((x) => x.month === m)?.customers ?? 0)]),
      }
    },
  }
  await sendReportTable(res, tables[query.table](), [`customers-${query.table}`, report.range.from, report.range.to, query.branch_id?.join("-")], query.format)
}
