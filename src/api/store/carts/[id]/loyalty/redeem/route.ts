import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cartLoyaltyView } from "../../../helpers"
import type { CartPointsBodyType } from "../../../validators"
import { applyLoyaltyToCartWorkflow, removeLoyaltyFromCartWorkflow } from "../../../../../../workflows/loyalty"

/**
 * POST /store/carts/:id/loyalty/redeem { points } — pays part of the cart
 * with points (replacing points applied before). The points leave the
 * balance when the cart is completed.
 */
export async function POST(req: AuthenticatedMedusaRequest<CartPointsBodyType>, res: MedusaResponse) {
  await applyLoyaltyToCartWorkflow(req.scope).run({
    input: { cart_id: req.params.id, customer_id: req.auth_context.actor_id, points: req.validatedBody.points },
  })
  res.json(await cartLoyaltyView(req.scope, req.params.id, req.auth_context.actor_id))
}

/** DELETE /store/carts/:id/loyalty/redeem — takes the points off the cart. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await removeLoyaltyFromCartWorkflow(req.scope).run({ input: { cart_id: req.params.id, customer_id: req.auth_context.actor_id } })
  res.json(await cartLoyaltyView(req.scope, req.params.id, req.auth_context.actor_id))
}
