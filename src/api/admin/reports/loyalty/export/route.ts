import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ReportTable } from "../../../../../lib/report-export"
import { loyaltyReportView, sendReportTable } from "../../helpers"
import type { LoyaltyExportQueryType } from "../../validators"

/** GET /admin/reports/loyalty/export?table=points|campaigns&format=csv|xlsx — one of the loyalty report's tables. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as LoyaltyExportQueryType
  const report = await loyaltyReportView(req, query)
  const table: ReportTable =
    query.table === "campaigns"
      ? {
          title: "Campaigns",
          columns: [
            { header: "Campaign", kind: "text" },
            { header: "Kind", kind: "text" },
            { header: "Offers issued", kind: "count" },
            { header: "Offers redeemed", kind: "count" },
            { header: "Revenue (₹)", kind: "rupees" },
            { header: "Discount given (₹)", kind: "rupees" },
            { header: "Revenue per rupee of discount", kind: "text" },
          ],
          rows: report.campaigns.map((c) => [c.name, c.kind, c.issued, c.redeemed, c.revenue_paise, c.discount_paise, c.return_on_discount === null ? null : c.return_on_discount.toFixed(2)]),
        }
      : {
          title: `Points by ${report.group_by}`,
          columns: [
            { header: "Period from", kind: "text" },
            { header: "Issued", kind: "count" },
            { header: "Redeemed", kind: "count" },
            { header: "Expired", kind: "count" },
            { header: "Taken back", kind: "count" },
            { header: "Outstanding at the end", kind: "count" },
            { header: "Outstanding value today (₹)", kind: "rupees" },
          ],
          rows: [
            ["Opening", null, null, null, null, report.opening.points, report.opening.value_paise],
            ...report.periods.map((p) => [p.period, p.issued, p.redeemed, p.expired, p.other, p.outstanding, p.outstanding_value_paise]),
            ["Total", report.totals.issued, report.totals.redeemed, report.totals.expired, report.totals.other, report.closing.points, report.closing.value_paise],
          ],
        }
  await sendReportTable(res, table, [`loyalty-${query.table}`, report.range.from, report.range.to, query.branch_id?.join("-")], query.format)
}
