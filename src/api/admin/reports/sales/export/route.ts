import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ReportTable } from "../../../../../lib/report-export"
import { salesReportView, sendReportTable, type SalesFigures } from "../../helpers"
import type { SalesExportQueryType } from "../../validators"

const COLUMNS: ReportTable["columns"] = [
  { header: "Group", kind: "text" },
  { header: "Bills", kind: "count" },
  { header: "Pieces (net of returns)", kind: "count" },
  { header: "Pieces returned", kind: "count" },
  { header: "Gross weight (g)", kind: "grams" },
  { header: "Net weight (g)", kind: "grams" },
  { header: "Sales before GST (₹)", kind: "rupees" },
  { header: "GST (₹)", kind: "rupees" },
  { header: "Sales with GST (₹)", kind: "rupees" },
  { header: "Discounts (₹)", kind: "rupees" },
  { header: "Average bill before GST (₹)", kind: "rupees" },
  { header: "Average making charge a piece (₹)", kind: "rupees" },
]

const cells = (label: string, f: SalesFigures) => [
  label,
  f.bills,
  f.pieces,
  f.returned_pieces,
  f.gross_weight_mg,
  f.net_weight_mg,
  f.revenue_paise,
  f.gst_paise,
  f.total_paise,
  f.discount_paise,
  f.average_bill_paise,
  f.average_making_paise,
]

/**
 * GET /admin/reports/sales/export?format=csv|xlsx — the sales report's table
 * (the same query as GET /admin/reports/sales) with its totals row, as a
 * file named after the grouping, period and filters.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as SalesExportQueryType
  const report = await salesReportView(req, query)
  const table: ReportTable = {
    title: `Sales by ${report.group_by}`,
    columns: COLUMNS,
    rows: [...report.rows.map((r) => cells(r.label, r)), cells("Total", report.totals)],
  }
  await sendReportTable(
    res,
    table,
    [`sales-by-${report.group_by}`, report.range.from, report.range.to, query.branch_id?.join("-"), query.metal, query.purity, query.category, query.channel, query.staff_user_id],
    query.format
  )
}
