import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { stockReportView } from "../helpers"
import type { StockReportQueryType } from "../validators"

/**
 * GET /admin/reports/stock — the jewellery in stock now, grouped by
 * `group_by` (branch, category, metal, age, total) and filtered by branch,
 * metal, purity and category: pieces, weights, value at today's metal rates
 * and at the pieces' prices, pieces by age (0–90, 91–180, 181–365 days, over
 * a year); and the dead stock (over a year), a page of it oldest first.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json(await stockReportView(req, req.validatedQuery as StockReportQueryType))
}
