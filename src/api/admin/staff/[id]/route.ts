import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { diffFields } from "../../../../lib/audit"
import { ACCESS_MODULE } from "../../../../modules/access"
import type AccessModuleService from "../../../../modules/access/service"
import type { AssignStaffBodyType } from "../validators"
import { assignStaffAccessWorkflow } from "../../../../workflows/access"
import { recordAudit } from "../../../utils/audit"

/** POST /admin/staff/:id { role, branch_ids } — the id is the Medusa user's id. */
export async function POST(req: AuthenticatedMedusaRequest<AssignStaffBodyType>, res: MedusaResponse) {
  const body = req.validatedBody as AssignStaffBodyType
  const [before] = await req.scope.resolve<AccessModuleService>(ACCESS_MODULE).listStaffAccesses({ user_id: req.params.id }, { take: 1 })
  const { result } = await assignStaffAccessWorkflow(req.scope).run({
    input: { user_id: req.params.id, role: body.role, branch_ids: body.branch_ids, changed_by: req.auth_context?.actor_id ?? null },
  })
  const changes = diffFields(
    before ? { role: before.role, branch_ids: [...(before.branch_ids ?? [])].sort() } : null,
    { role: result.role, branch_ids: [...((result.branch_ids as string[] | null) ?? [])].sort() },
    ["role", "branch_ids"]
  )
  if (Object.keys(changes).length) {
    await recordAudit(req.scope, req, { action: "staff_role.changed", entity: "user", entity_id: req.params.id, changes })
  }
  res.json({ staff_access: result })
}
