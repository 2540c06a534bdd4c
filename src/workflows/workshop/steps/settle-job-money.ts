import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WORKSHOP_MODULE } from "../../../modules/workshop"
import type WorkshopModuleService from "../../../modules/workshop/service"
import type { JobPaymentRow, SettleJobInput } from "../../../modules/workshop/service"

/** Books a closing job's balance and refunds and the charges billed; withdrawn (voucher numbers given back) if a later step fails. */
export const settleJobMoneyStep = createStep(
  "settle-job-money",
  async (settle: SettleJobInput | null, { container }) => {
    if (!settle) {
      return new StepResponse<JobPaymentRow[], { job_id: string; ids: string[] } | null>([], null)
    }
    const written = await container.resolve<WorkshopModuleService>(WORKSHOP_MODULE).settleJob(settle)
    return new StepResponse(written, { job_id: settle.job_id, ids: written.map((p) => p.id) })
  },
  async (taken, { container }) => {
    if (taken) {
      await container.resolve<WorkshopModuleService>(WORKSHOP_MODULE).discardSettlement(taken.job_id, taken.ids)
    }
  }
)
