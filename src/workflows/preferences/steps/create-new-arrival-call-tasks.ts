import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { callsDueAt, callTitle, type Call } from "../../../lib/preferences/new-arrivals"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"
import type { StoredCall } from "../utils/new-arrival-types"

/**
 * A follow-up task for each call, on its branch's list (unassigned: whoever
 * at the branch picks it up), due by the next evening. Undone by deleting them.
 */
export const createNewArrivalCallTasksStep = createStep(
  "create-new-arrival-call-tasks",
  async (input: { calls: Call[] }, { container }) => {
    if (!input.calls.length) {
      return new StepResponse<StoredCall[], string[]>([], [])
    }
    const due = callsDueAt(new Date())
    const tasks = await container.resolve<CrmModuleService>(CRM_MODULE).createFollowUpTasks(
      input.calls.map((call) => ({
        customer_id: call.customer_id,
        title: callTitle(call),
        due_at: due,
        branch_id: call.branch_id,
        assignee_user_id: null,
      }))
    )
    const ids = tasks.map((t) => t.id)
    return new StepResponse<StoredCall[], string[]>(
      input.calls.map((call, i) => ({ ...call, task_id: ids[i] })),
      ids
    )
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve<CrmModuleService>(CRM_MODULE).deleteFollowUpTasks(ids)
    }
  }
)
