import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideDiscountApprovalWorkflow } from "../../../../../../workflows/pos"
import { sellerLimits } from "../../../../../utils/price-limits"
import type { PosApprovalDecisionBodyType } from "../../../validators"
import { approvalBranch } from "../route"

/** POST /admin/pos/approvals/:id/reject — rejects the request (never by the seller who asked); audited. */
export async function POST(req: AuthenticatedMedusaRequest<PosApprovalDecisionBodyType>, res: MedusaResponse) {
  const branchId = await approvalBranch(req)
  const { result } = await decideDiscountApprovalWorkflow(req.scope).run({
    input: { id: req.params.id, status: "rejected", user_id: req.auth_context.actor_id, approver_limits: await sellerLimits(req), note: req.validatedBody.note ?? null, branch_id: branchId },
  })
  res.json({ approval: result })
}
