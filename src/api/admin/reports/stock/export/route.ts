import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ReportTable } from "../../../../../lib/report-export"
import { AGEING_BUCKETS } from "../../../../../lib/stock-valuation"
import type { StockFigures } from "../../../../../types/http"
import { sendReportTable, stockReportView } from "../../helpers"
import type { StockExportQueryType } from "../../validators"

const cells = (label: string, f: StockFigures) => [
  label,
  f.pieces,
  f.gross_weight_mg,
  f.net_weight_mg,
  f.metal_value_paise,
  f.price_paise,
  f.cost_paise,
  f.costed_pieces,
  ...AGEING_BUCKETS.map((b) => f.ageing[b.key]),
]

/**
 * GET /admin/reports/stock/export?format=csv|xlsx — the stock report's
 * table (the same query as GET /admin/reports/stock) with its totals row;
 * `table=dead_stock` gives the page of dead stock asked for instead.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as StockExportQueryType
  const report = await stockReportView(req, query)
  const day = report.as_of.slice(0, 10)
  const name = (what: string) => [what, day, query.branch_id?.join("-"), query.metal, query.purity, query.category]
  if (query.table === "dead_stock") {
    const table: ReportTable = {
      title: "Dead stock",
      columns: [
        { header: "Tag", kind: "text" },
        { header: "Piece", kind: "text" },
        { header: "SKU", kind: "text" },
        { header: "Branch", kind: "text" },
        { header: "Metal", kind: "text" },
        { header: "Purity", kind: "count" },
        { header: "Net weight (g)", kind: "grams" },
        { header: "Pieces", kind: "count" },
        { header: "Price before GST (₹)", kind: "rupees" },
        { header: "In stock since", kind: "text" },
        { header: "Days", kind: "count" },
      ],
      rows: report.dead_stock.pieces.map((p) => [p.tag_code, p.title, p.sku, p.branch_name, p.metal, p.purity, p.net_weight_mg, p.pieces, p.price_paise, p.in_stock_since.slice(0, 10), p.days]),
    }
    await sendReportTable(res, table, name("dead-stock"), query.format)
    return
  }
  const table: ReportTable = {
    title: `Stock by ${report.group_by}`,
    columns: [
      { header: "Group", kind: "text" },
      { header: "Pieces", kind: "count" },
      { header: "Gross weight (g)", kind: "grams" },
      { header: "Net weight (g)", kind: "grams" },
      { header: "Metal at today's rate (₹)", kind: "rupees" },
      { header: "Price before GST (₹)", kind: "rupees" },
      { header: "At cost (₹)", kind: "rupees" },
      { header: "Pieces with a cost", kind: "count" },
      ...AGEING_BUCKETS.map((b) => ({ header: b.label, kind: "count" as const })),
    ],
    rows: [...report.rows.map((r) => cells(r.label, r)), cells("Total", report.totals)],
  }
  await sendReportTable(res, table, name(`stock-by-${report.group_by}`), query.format)
}
