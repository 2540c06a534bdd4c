import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { adjustPointsWorkflow } from "../../../../../../workflows/loyalty"
import { recordAudit } from "../../../../../utils/audit"
import { pointsAuditEntry } from "../../../helpers"
import type { AdjustPointsBodyType } from "../../../validators"

/** POST /admin/loyalty/customers/:id/adjust — a signed correction with its reason, kept in the ledger with the staff member. */
export async function POST(req: AuthenticatedMedusaRequest<AdjustPointsBodyType>, res: MedusaResponse) {
  const customers = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: req.params.id }, { select: ["id"] })
  if (!customers.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${req.params.id}" was not found`)
  }
  const { result } = await adjustPointsWorkflow(req.scope).run({
    input: { customer_id: req.params.id, ...req.validatedBody, user_id: req.auth_context.actor_id },
  })
  if (!result.replayed) {
    await recordAudit(req.scope, req, pointsAuditEntry("loyalty_points.adjusted", req.params.id, result))
  }
  res.status(result.replayed ? 200 : 201).json({ entry: result.entry, balance: result.balance, replayed: result.replayed })
}
