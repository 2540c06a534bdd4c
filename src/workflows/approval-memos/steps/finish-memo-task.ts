import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"

/**
 * A closed memo's follow-up task is done: every piece came back or was bought. A task staff closed themselves
 * is left alone. Undone by opening it again.
 */
export const finishMemoTaskStep = createStep(
  "finish-memo-task",
  async (input: { task_id: string | null; closed: boolean; note: string }, { container }) => {
    if (!input.task_id || !input.closed) {
      return new StepResponse(null, null)
    }
    const crm = container.resolve<CrmModuleService>(CRM_MODULE)
    const [task] = await crm.listFollowUpTasks({ id: input.task_id, status: "open" })
    if (!task) {
      return new StepResponse(null, null)
    }
    await crm.updateFollowUpTasks({ id: task.id, status: "done", completion_note: input.note, completed_at: new Date() })
    return new StepResponse(null, task.id)
  },
  async (taskId, { container }) => {
    if (taskId) {
      await container.resolve<CrmModuleService>(CRM_MODULE).updateFollowUpTasks({ id: taskId, status: "open", completion_note: null, completed_at: null })
    }
  }
)
