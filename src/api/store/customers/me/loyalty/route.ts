import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loyaltyView } from "../../../../../workflows/loyalty"

/** GET /store/customers/me/loyalty — the signed-in customer's balance, tier, history and points expiring soon. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ loyalty: await loyaltyView(req.scope, req.auth_context.actor_id) })
}
