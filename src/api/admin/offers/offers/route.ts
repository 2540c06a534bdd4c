import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ListOffersQueryType } from "../validators"
import { listOffersWithCustomers } from "../../../../workflows/offers"

/** GET /admin/offers/offers?customer_id=&status= — offers across campaigns (a customer's offers), newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const q = req.validatedQuery as ListOffersQueryType
  res.json(await listOffersWithCustomers(req.scope, { status: q.status, customer_id: q.customer_id }, q))
}
