import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerReportView } from "../helpers"
import type { CustomerReportQueryType } from "../validators"

/**
 * GET /admin/reports/customers — in a period (the last 30 days by default):
 * customers who bought, new and returning, the repeat-purchase rate, the top
 * `limit` customers; the customers lapsed for `lapsed_days` (180) by what
 * they have spent; cohorts by first-purchase month over `cohort_months` (12).
 * Branch staff see their branches' customers' purchases there.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json(await customerReportView(req, req.validatedQuery as CustomerReportQueryType))
}
