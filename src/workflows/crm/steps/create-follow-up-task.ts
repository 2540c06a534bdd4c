import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"

export type FollowUpTaskInput = {
  customer_id: string
  /** The interaction it follows up, or null for a task a document opened (an approval memo due back). */
  interaction_id: string | null
  title: string
  due_at: Date
  assignee_user_id: string | null
  branch_id: string | null
} | null

/** A follow-up date on an interaction becomes a task for the staff member (or nothing without one). */
export const createFollowUpTaskStep = createStep(
  "create-follow-up-task",
  async (input: FollowUpTaskInput, { container }) => {
    if (!input) {
      return new StepResponse(null, null)
    }
    const task = await container.resolve<CrmModuleService>(CRM_MODULE).createFollowUpTasks(input)
    return new StepResponse(task, task.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<CrmModuleService>(CRM_MODULE).deleteFollowUpTasks(id)
    }
  }
)
