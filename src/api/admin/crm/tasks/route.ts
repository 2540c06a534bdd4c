import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CRM_MODULE } from "../../../../modules/crm"
import type CrmModuleService from "../../../../modules/crm/service"
import { branchScope } from "../../../utils/access"
import { orderBy } from "../../../utils/validators"
import type { ListTasksQueryType } from "../validators"

/**
 * GET /admin/crm/tasks?assignee=&status=&due_before= — soonest due first, with the customer; overdue ones are flagged.
 * Branch managers and sales staff see their branches' tasks and those given to them.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListTasksQueryType>, res: MedusaResponse) {
  const q = req.validatedQuery as ListTasksQueryType
  const filters: Record<string, unknown> = {}
  if (q.assignee) {
    filters.assignee_user_id = q.assignee
  }
  if (q.status) {
    filters.status = q.status
  }
  if (q.customer_id) {
    filters.customer_id = q.customer_id
  }
  if (q.due_before) {
    filters.due_at = { $lt: q.due_before }
  }
  const scope = await branchScope(req)
  if (scope) {
    filters.$or = [{ branch_id: scope }, { assignee_user_id: req.auth_context?.actor_id ?? "" }]
  }
  const [tasks, count] = await req.scope
    .resolve<CrmModuleService>(CRM_MODULE)
    .listAndCountFollowUpTasks(filters, { order: orderBy(q.order), take: q.limit, skip: q.offset })
  const customerIds = [...new Set(tasks.map((t) => t.customer_id))]
  const { data: customers } = customerIds.length
    ? await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "customer",
        fields: ["id", "first_name", "last_name", "phone", "customer_profile.phone"],
        filters: { id: customerIds },
      })
    : { data: [] }
  const byId = new Map((customers as { id: string }[]).map((c) => [c.id, c]))
  const now = Date.now()
  res.json({
    tasks: tasks.map((t) => ({
      ...t,
      overdue: t.status === "open" && new Date(t.due_at).getTime() < now,
      customer: byId.get(t.customer_id) ?? null,
    })),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
