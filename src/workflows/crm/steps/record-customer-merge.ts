import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"
import type { CustomerSnapshot } from "./load-customers-to-merge"

export type RecordCustomerMergeInput = {
  survivor_id: string
  merged: CustomerSnapshot[]
  merged_by?: string | null
  reason?: string | null
  moved: Record<string, unknown>
}

/** One audit record per merged customer, with its snapshot; compensation removes them. */
export const recordCustomerMergeStep = createStep(
  "record-customer-merge",
  async (input: RecordCustomerMergeInput, { container }) => {
    const crm: CrmModuleService = container.resolve(CRM_MODULE)
    const records = await crm.createCustomerMerges(
      input.merged.map((customer) => {
        const { customer_profile, ...core } = customer
        const { pan_encrypted: _cipher, ...profile } = (customer_profile ?? {}) as Record<string, unknown>
        return {
          survivor_customer_id: input.survivor_id,
          merged_customer_id: customer.id,
          merged_by: input.merged_by ?? null,
          reason: input.reason ?? null,
          moved: input.moved,
          snapshot: { customer: core, profile: customer_profile ? profile : null },
        }
      })
    )
    return new StepResponse(records, records.map((r) => r.id))
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve<CrmModuleService>(CRM_MODULE).deleteCustomerMerges(ids)
    }
  }
)
