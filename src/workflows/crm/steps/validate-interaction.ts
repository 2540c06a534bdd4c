import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BRANCH_MODULE } from "../../../modules/branch"
import type BranchModuleService from "../../../modules/branch/service"
import type { InteractionInput } from "./create-interaction"

/** The customer must exist (404); branch, staff and variants must be real (400). */
export const validateInteractionStep = createStep(
  "validate-interaction",
  async (input: InteractionInput, { container }) => {
    const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: input.customer_id }, { select: ["id"] })
    if (!customer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${input.customer_id}" was not found`)
    }
    const problems: string[] = []
    if (input.branch_id && !(await container.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({ id: input.branch_id })).length) {
      problems.push(`Unknown branch ${input.branch_id}`)
    }
    if (input.user_id && !(await container.resolve(Modules.USER).listUsers({ id: input.user_id })).length) {
      problems.push(`Unknown staff user ${input.user_id}`)
    }
    const variants = input.products_of_interest ?? []
    if (variants.length) {
      const found = await container.resolve(Modules.PRODUCT).listProductVariants({ id: variants }, { select: ["id"] })
      const missing = variants.filter((id) => !found.some((v) => v.id === id))
      if (missing.length) {
        problems.push(`Unknown product variants: ${missing.join(", ")}`)
      }
    }
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
    }
    return new StepResponse(undefined)
  }
)
