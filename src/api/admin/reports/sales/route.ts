import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { salesReportView } from "../helpers"
import type { SalesReportQueryType } from "../validators"

/**
 * GET /admin/reports/sales — sales in a period (days in India time; the last
 * 30 by default) grouped by `group_by` (day, week, month, branch, channel,
 * staff, category, metal, or total), filtered by branch, metal, purity,
 * category, channel and staff member; with the totals of the period, of the
 * one before and of the same days last year. Branch staff see their branches.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json(await salesReportView(req, req.validatedQuery as SalesReportQueryType))
}
