import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assignStaffAccessWorkflow } from "../../../../workflows/assign-staff-access"
import type { AssignStaffBodyType } from "../../../utils/access"

/** POST /admin/staff/:id { role, branch_ids } — the id is the Medusa user's id. */
export async function POST(req: AuthenticatedMedusaRequest<AssignStaffBodyType>, res: MedusaResponse) {
  const body = req.validatedBody as AssignStaffBodyType
  const { result } = await assignStaffAccessWorkflow(req.scope).run({
    input: { user_id: req.params.id, role: body.role, branch_ids: body.branch_ids, changed_by: req.auth_context?.actor_id ?? null },
  })
  res.json({ staff_access: result })
}
