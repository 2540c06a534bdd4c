import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { POS_MODULE } from "../../../../../modules/pos"
import type PosModuleService from "../../../../../modules/pos/service"
import { approvalView } from "../route"

/** GET /admin/pos/approvals/:id — one request with its decision (another branch's is not found). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const [found] = await req.scope.resolve<PosModuleService>(POS_MODULE).listPosApprovals({ id: req.params.id }, { take: 1 })
  if (!found) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Approval "${req.params.id}" was not found`)
  }
  res.json({ approval: approvalView(found as unknown as Record<string, unknown>) })
}

/** The request's branch, for the decision's audit entry. */
export async function approvalBranch(req: AuthenticatedMedusaRequest): Promise<string> {
  const [found] = await req.scope.resolve<PosModuleService>(POS_MODULE).listPosApprovals({ id: req.params.id }, { select: ["id", "branch_id"], take: 1 })
  if (!found) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Approval "${req.params.id}" was not found`)
  }
  return found.branch_id
}
