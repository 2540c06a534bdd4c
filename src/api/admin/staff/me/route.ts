import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACTIONS, isAllowed, RESOURCES, type Action, type Resource } from "../../../../lib/access-matrix"
import { staffAccess } from "../../../utils/access"

/** GET /admin/staff/me — the signed-in user's role, branches and what they may do (the admin hides the rest). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const access = await staffAccess(req)
  const permissions = Object.fromEntries(
    (Object.keys(RESOURCES) as Resource[]).map((resource) => [resource, ACTIONS.filter((a: Action) => isAllowed(access.role, resource, a))])
  )
  res.json({ role: access.role, branch_ids: access.branch_ids, branch_scoped: access.branch_scoped, permissions })
}
