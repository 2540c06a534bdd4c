import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CRM_MODULE } from "../../../../modules/crm"
import type CrmModuleService from "../../../../modules/crm/service"
import type { ListTasksQueryType } from "../../../utils/crm"

/** GET /admin/crm/tasks?assignee=&status=&due_before= — soonest due first; overdue ones are flagged. */
export async function GET(req: MedusaRequest<unknown, ListTasksQueryType>, res: MedusaResponse) {
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
  const [tasks, count] = await req.scope
    .resolve<CrmModuleService>(CRM_MODULE)
    .listAndCountFollowUpTasks(filters, { order: { due_at: "ASC" }, take: q.limit, skip: q.offset })
  const now = Date.now()
  res.json({
    tasks: tasks.map((t) => ({ ...t, overdue: t.status === "open" && new Date(t.due_at).getTime() < now })),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
