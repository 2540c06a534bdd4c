import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { moversReportView } from "../helpers"
import type { MoversReportQueryType } from "../validators"

/**
 * GET /admin/reports/movers — the fastest and slowest designs (or
 * categories) over the last `days` days: pieces sold, sales before GST,
 * pieces in stock now, sell-through and days of cover.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json(await moversReportView(req, req.validatedQuery as MoversReportQueryType))
}
