import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { LOYALTY_MODULE } from "../../../../../../modules/loyalty"
import type LoyaltyModuleService from "../../../../../../modules/loyalty/service"
import { recordAudit } from "../../../../../utils/audit"
import { pointsAuditEntry } from "../../../helpers"
import type { AdjustPointsBodyType } from "../../../validators"

/**
 * POST /admin/loyalty/customers/:id/adjust — a signed correction with its reason, kept in the ledger with the staff
 * member. One posting, idempotent by its key under the account lock: it goes to the ledger directly, without a
 * workflow run around it (adjustPointsWorkflow composes it into larger ones; docs/benchmarks.md, "The loyalty
 * ledger's time").
 */
export async function POST(req: AuthenticatedMedusaRequest<AdjustPointsBodyType>, res: MedusaResponse) {
  const customers = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: req.params.id }, { select: ["id"] })
  if (!customers.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${req.params.id}" was not found`)
  }
  const result = await req.scope
    .resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    .postEntry({ customer_id: req.params.id, ...req.validatedBody, type: "adjust", user_id: req.auth_context.actor_id })
  if (!result.replayed) {
    await recordAudit(req.scope, req, pointsAuditEntry("loyalty_points.adjusted", req.params.id, result))
  }
  res.status(result.replayed ? 200 : 201).json({ entry: result.entry, balance: result.balance, replayed: result.replayed })
}
