import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cartLoyaltyView } from "../../helpers"

/** GET /store/carts/:id/loyalty — points on the signed-in customer's cart, the balance, and the most that may pay for it. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json(await cartLoyaltyView(req.scope, req.params.id, req.auth_context.actor_id))
}
