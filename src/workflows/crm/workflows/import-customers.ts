import type { LinkDefinition } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCustomersWorkflow, createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { CRM_MODULE } from "../../../modules/crm"
import type { CreateCustomerWithProfileInput } from "./create-customer-with-profile"
import { checkCustomerBatchStep } from "../steps/check-customer-batch"
import { createCustomerProfilesStep } from "../steps/create-customer-profiles"

/**
 * Many customers with their profiles in one run (a customer list brought
 * over from another system, the demo shop): all of the batch or none.
 * Medusa's customer-created events are released when the run ends, when
 * every customer already has its profile.
 */
export const importCustomersWorkflow = createWorkflow("import-customers", (rows: CreateCustomerWithProfileInput[]) => {
  checkCustomerBatchStep(rows)
  const customers = createCustomersWorkflow.runAsStep({
    input: { customersData: transform({ rows }, ({ rows }) => rows.map((r) => r.customer)) },
  })
  const profiles = createCustomerProfilesStep(transform({ rows }, ({ rows }) => rows.map((r) => r.profile)))
  const links = transform({ customers, profiles }, ({ customers, profiles }): LinkDefinition[] =>
    customers.map((customer, i) => ({
      [Modules.CUSTOMER]: { customer_id: customer.id },
      [CRM_MODULE]: { customer_profile_id: profiles[i].id },
    }))
  )
  createRemoteLinkStep(links)
  return new WorkflowResponse({ customers, profiles })
})
