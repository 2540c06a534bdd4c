import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_MODULE } from "../../../../../../modules/loyalty"
import type LoyaltyModuleService from "../../../../../../modules/loyalty/service"
import { recordAudit } from "../../../../../utils/audit"
import { pointsAuditEntry, redemptionBill } from "../../../helpers"
import type { RedeemPointsBodyType } from "../../../validators"

/**
 * POST /admin/loyalty/customers/:id/redeem — points paying part of an in-store
 * bill: an order of the shop (its total and branch read from it) or a bill
 * given by its total, at one of the user's branches. The same idempotency key
 * answers the same result without deducting twice (200 instead of 201). One
 * posting, so it goes to the ledger directly, as the adjustment does.
 */
export async function POST(req: AuthenticatedMedusaRequest<RedeemPointsBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const bill = await redemptionBill(req, body)
  const result = await req.scope.resolve<LoyaltyModuleService>(LOYALTY_MODULE).redeemPoints({
    customer_id: req.params.id,
    points: body.points,
    idempotency_key: body.idempotency_key,
    order_total_paise: bill.total_paise,
    order_id: bill.order_id,
    branch_id: bill.branch_id,
    user_id: req.auth_context.actor_id,
    reason: body.reason ?? null,
  })
  if (!result.replayed) {
    await recordAudit(req.scope, req, pointsAuditEntry("loyalty_points.redeemed", req.params.id, result))
  }
  res.status(result.replayed ? 200 : 201).json({ entry: result.entry, balance: result.balance, replayed: result.replayed })
}
