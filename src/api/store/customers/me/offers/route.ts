import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { activeOffersOf } from "../../../../../workflows/offers"

/** GET /store/customers/me/offers — the signed-in customer's offers they can still use: code, what it gives, until when. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ offers: await activeOffersOf(req.scope, req.auth_context.actor_id) })
}
