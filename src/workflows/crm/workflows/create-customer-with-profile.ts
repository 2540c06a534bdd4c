import type { LinkDefinition } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCustomersWorkflow, createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { CRM_MODULE } from "../../../modules/crm"
import { validateCustomerProfileStep } from "../steps/validate-customer-profile"
import type { CustomerProfileData } from "../utils/customer-profile"
import { createCustomerProfileStep } from "../steps/create-customer-profile"

export type CreateCustomerWithProfileInput = {
  customer: { first_name: string; last_name?: string | null; email?: string | null; phone?: string | null; company_name?: string | null }
  profile: CustomerProfileData
}

/**
 * One call makes the Medusa customer and its CRM profile, linked. If any
 * part fails, what was made is removed again.
 */
export const createCustomerWithProfileWorkflow = createWorkflow(
  "create-customer-with-profile",
  (input: CreateCustomerWithProfileInput) => {
    validateCustomerProfileStep(input.profile)
    const customers = createCustomersWorkflow.runAsStep({
      input: { customersData: transform({ input }, ({ input }) => [input.customer]) },
    })
    const profile = createCustomerProfileStep(input.profile)
    const links = transform({ customers, profile }, ({ customers, profile }): LinkDefinition[] => [
      {
        [Modules.CUSTOMER]: { customer_id: customers[0].id },
        [CRM_MODULE]: { customer_profile_id: profile.id },
      },
    ])
    createRemoteLinkStep(links)
    return new WorkflowResponse({ customer: transform({ customers }, ({ customers }) => customers[0]), profile })
  }
)
