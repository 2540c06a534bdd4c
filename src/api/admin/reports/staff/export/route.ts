import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ReportTable } from "../../../../../lib/report-export"
import { sendReportTable, staffReportView } from "../../helpers"
import type { StaffExportQueryType } from "../../validators"
import type { StaffReport } from "../../../../../types/http"

/** GET /admin/reports/staff/export?format=csv|xlsx — the staff report's table with its totals row. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as StaffExportQueryType
  const report = await staffReportView(req, query)
  const line = (r: Omit<StaffReport["rows"][number], "staff_user_id" | "branch_id" | "staff_name" | "branch_name">, staff: string, branch: string) => [
    staff,
    branch,
    r.bills,
    r.pieces,
    r.net_weight_mg,
    r.revenue_paise,
    r.average_bill_paise,
    r.follow_ups.done,
    r.follow_ups.done_late,
    r.follow_ups.open,
    r.follow_ups.overdue,
  ]
  const table: ReportTable = {
    title: "Staff",
    columns: [
      { header: "Staff member", kind: "text" },
      { header: "Branch", kind: "text" },
      { header: "Bills", kind: "count" },
      { header: "Pieces (net of returns)", kind: "count" },
      { header: "Net weight (g)", kind: "grams" },
      { header: "Sales before GST (₹)", kind: "rupees" },
      { header: "Average bill before GST (₹)", kind: "rupees" },
      { header: "Follow-ups done", kind: "count" },
      { header: "Of them late", kind: "count" },
      { header: "Follow-ups open", kind: "count" },
      { header: "Of them overdue", kind: "count" },
    ],
    rows: [...report.rows.map((r) => line(r, r.staff_name, r.branch_name)), line(report.totals, "Total", "")],
  }
  await sendReportTable(res, table, ["staff", report.range.from, report.range.to, query.branch_id?.join("-")], query.format)
}
