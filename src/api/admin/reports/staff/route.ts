import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { staffReportView } from "../helpers"
import type { StaffReportQueryType } from "../validators"

/**
 * GET /admin/reports/staff — per staff member and branch in the period:
 * bills, pieces, net weight and sales before GST (net of returns), the
 * average bill, and follow-ups done (and late) and open now (and overdue).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json(await staffReportView(req, req.validatedQuery as StaffReportQueryType))
}
