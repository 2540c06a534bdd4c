import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** Soft-deletes the merged customers (their snapshot is in the audit record); compensation restores them. */
export const retireMergedCustomersStep = createStep(
  "retire-merged-customers",
  async (ids: string[], { container }) => {
    await container.resolve(Modules.CUSTOMER).softDeleteCustomers(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve(Modules.CUSTOMER).restoreCustomers(ids)
    }
  }
)
