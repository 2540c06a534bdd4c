import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DOMAIN_CONFLICT } from "../../../lib/errors"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"

export type CompleteTaskInput = { id: string; status: "done" | "cancelled"; completion_note?: string | null }

export const completeTaskStep = createStep(
  "complete-task",
  async (input: CompleteTaskInput, { container }) => {
    const crm: CrmModuleService = container.resolve(CRM_MODULE)
    const [task] = await crm.listFollowUpTasks({ id: input.id })
    if (!task) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Task with id "${input.id}" was not found`)
    }
    if (task.status !== "open") {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Task ${input.id} is already ${task.status}`, DOMAIN_CONFLICT)
    }
    const updated = await crm.updateFollowUpTasks({
      id: input.id,
      status: input.status,
      completion_note: input.completion_note ?? null,
      completed_at: new Date(),
    })
    return new StepResponse(updated, input.id)
  },
  async (id, { container }) => {
    if (id) {
      await container
        .resolve<CrmModuleService>(CRM_MODULE)
        .updateFollowUpTasks({ id, status: "open", completion_note: null, completed_at: null })
    }
  }
)
