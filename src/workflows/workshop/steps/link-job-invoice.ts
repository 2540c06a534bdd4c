import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WORKSHOP_MODULE } from "../../../modules/workshop"
import type WorkshopModuleService from "../../../modules/workshop/service"

/** Notes on the job (and its balance) the tax invoice its work was billed on. Undone with the settlement. */
export const linkJobInvoiceStep = createStep("link-job-invoice", async (input: { job_id: string; invoice: { id: string; number: string } }, { container }) => {
  await container.resolve<WorkshopModuleService>(WORKSHOP_MODULE).linkInvoice(input.job_id, input.invoice)
  return new StepResponse(input.invoice)
})
