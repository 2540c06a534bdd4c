import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listOffersWithCustomers } from "../../../../../utils/offer-lists"
import type { ListOffersQueryType } from "../../../../../utils/offers"

/** GET /admin/offers/campaigns/:id/offers?status=&customer_id= — the campaign's offers with their customer, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const q = req.validatedQuery as ListOffersQueryType
  res.json(await listOffersWithCustomers(req.scope, { campaign_id: req.params.id, status: q.status, customer_id: q.customer_id }, q))
}
