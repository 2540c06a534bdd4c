import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { ACCESS_MODULE } from "../../../modules/access"
import type AccessModuleService from "../../../modules/access/service"
import { defaultRole } from "../../utils/access"
import type { ListStaffQueryType } from "./validators"

/** GET /admin/staff?q=&limit=&offset= — staff users with their role and branches, by email. */
export async function GET(req: MedusaRequest<unknown, ListStaffQueryType>, res: MedusaResponse) {
  const q = req.validatedQuery as ListStaffQueryType
  const [users, count] = await req.scope
    .resolve(Modules.USER)
    .listAndCountUsers(q.q ? { q: q.q } : {}, { take: q.limit, skip: q.offset, order: { email: "ASC" } })
  const access = req.scope.resolve<AccessModuleService>(ACCESS_MODULE)
  const records = users.length ? await access.listStaffAccesses({ user_id: users.map((u) => u.id) }) : []
  const byUser = new Map(records.map((r) => [r.user_id, r]))
  const fallback = await access.unassignedRole(defaultRole())
  res.json({
    staff: users.map((u) => {
      const record = byUser.get(u.id)
      return {
        user_id: u.id,
        email: u.email,
        first_name: u.first_name,
        last_name: u.last_name,
        role: record?.role ?? fallback,
        branch_ids: record?.branch_ids ?? [],
        assigned: !!record,
      }
    }),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
