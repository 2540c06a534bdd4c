import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DOMAIN_CONFLICT } from "../../../lib/errors"
import { BRANCH_MODULE } from "../../../modules/branch"
import type BranchModuleService from "../../../modules/branch/service"

export type ValidateCustomerProfileInput = {
  phone?: string | null
  home_branch_id?: string | null
  assigned_user_id?: string | null
  referred_by_customer_id?: string | null
  /** The customer being edited, whose own phone is no conflict. */
  except_customer_id?: string
}

/**
 * Ids must point at real branches, staff and customers; a phone number
 * belongs to one customer only (a second is a conflict naming the first).
 */
export const validateCustomerProfileStep = createStep(
  "validate-customer-profile",
  async (input: ValidateCustomerProfileInput, { container }) => {
    const problems: string[] = []
    if (input.home_branch_id) {
      const found = await container.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({ id: input.home_branch_id })
      if (!found.length) {
        problems.push(`Unknown branch ${input.home_branch_id}`)
      }
    }
    if (input.assigned_user_id) {
      const found = await container.resolve(Modules.USER).listUsers({ id: input.assigned_user_id })
      if (!found.length) {
        problems.push(`Unknown staff user ${input.assigned_user_id}`)
      }
    }
    if (input.referred_by_customer_id) {
      const found = await container.resolve(Modules.CUSTOMER).listCustomers({ id: input.referred_by_customer_id })
      if (!found.length) {
        problems.push(`Unknown referring customer ${input.referred_by_customer_id}`)
      }
    }
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
    }
    if (input.phone) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "customer_profile",
        fields: ["id", "customer.id"],
        filters: { phone: input.phone },
      })
      const owner = (data as { customer?: { id: string } | null }[]).find((p) => p.customer?.id !== input.except_customer_id)
      if (owner) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `The phone number ${input.phone} already belongs to customer ${owner.customer?.id ?? "(profile without customer)"}`,
          DOMAIN_CONFLICT
        )
      }
    }
    return new StepResponse(undefined)
  }
)
