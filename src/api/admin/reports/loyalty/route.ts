import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loyaltyReportView } from "../helpers"
import type { LoyaltyReportQueryType } from "../validators"

/**
 * GET /admin/reports/loyalty — per day, week or month of the period: points
 * issued, redeemed, expired and otherwise taken back, the points outstanding
 * at its end and their value at today's point value; each campaign's offers
 * issued and redeemed in the period, their revenue, discount and return on
 * the discount. `branch_id`: customers of those home branches.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json(await loyaltyReportView(req, req.validatedQuery as LoyaltyReportQueryType))
}
