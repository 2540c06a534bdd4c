import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { moversReportView, sendReportTable } from "../../helpers"
import type { MoversExportQueryType } from "../../validators"

/** GET /admin/reports/movers/export?list=fast|slow&format=csv|xlsx — one of the movers lists (up to 100 rows, `limit`). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as MoversExportQueryType
  const report = await moversReportView(req, query)
  await sendReportTable(
    res,
    {
      title: `${query.list === "fast" ? "Fast" : "Slow"} movers, ${report.days} days`,
      columns: [
        { header: query.group_by === "product" ? "Design" : "Category", kind: "text" },
        { header: `Sold in ${report.days} days`, kind: "count" },
        { header: "Sales before GST (₹)", kind: "rupees" },
        { header: "In stock", kind: "count" },
        { header: "Sell-through", kind: "text" },
        { header: "Days of cover", kind: "text" },
        { header: "Last sold", kind: "text" },
      ],
      rows: report[query.list].map((m) => [
        m.label,
        m.sold,
        m.revenue_paise,
        m.in_stock,
        m.sell_through === null ? null : `${(m.sell_through * 100).toFixed(1)} %`,
        m.days_of_cover === null ? null : String(m.days_of_cover),
        m.last_sold_at?.slice(0, 10) ?? null,
      ]),
    },
    [`${query.list}-movers-by-${query.group_by}`, `${report.days}-days`, report.as_of.slice(0, 10), query.branch_id?.join("-"), query.metal, query.purity, query.category],
    query.format
  )
}
