import type { CreateCustomerDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCustomersWorkflow, setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"

export type CreatePhoneCustomerAccountInput = {
  /** The sign-in by phone the account is for. */
  auth_identity_id: string
  /** The number its code was sent to: the customer's phone. */
  phone: string
  customer: Omit<CreateCustomerDTO, "phone" | "has_account">
}

/**
 * The account of a customer who signed in by phone for the first time: as
 * Medusa's own customer-account workflow makes it, except that the number
 * proven by the code stands in for the email Medusa asks for, which a
 * customer at a jeweller's often does not give.
 */
export const createPhoneCustomerAccountWorkflow = createWorkflow("create-phone-customer-account", (input: CreatePhoneCustomerAccountInput) => {
  const customersData = transform({ input }, ({ input }) => [{ ...input.customer, phone: input.phone, has_account: true }])
  const customers = createCustomersWorkflow.runAsStep({ input: { customersData } })
  const customer = transform({ customers }, ({ customers }) => customers[0])
  setAuthAppMetadataStep({ authIdentityId: input.auth_identity_id, actorType: "customer", value: customer.id })
  return new WorkflowResponse(customer)
})
