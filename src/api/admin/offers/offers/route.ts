import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listOffersWithCustomers } from "../../../../workflows/offers/queries/offer-lists"
import type { ListOffersQueryType } from "../validators"

/** GET /admin/offers/offers?customer_id=&status= — offers across campaigns (a customer's offers), newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const q = req.validatedQuery as ListOffersQueryType
  res.json(await listOffersWithCustomers(req.scope, { status: q.status, customer_id: q.customer_id }, q))
}
