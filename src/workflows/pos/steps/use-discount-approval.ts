import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POS_MODULE } from "../../../modules/pos"
import type PosModuleService from "../../../modules/pos/service"

export type UseDiscountApprovalInput = { approval: { id: string; fingerprint: string } | null; sale_id: string }

/**
 * A manager's approval lets one sale of the bill it was given for through: marked used by this sale (an
 * approval of another bill, undecided, rejected or used already is refused). Undone by giving it back.
 */
export const useDiscountApprovalStep = createStep(
  "use-discount-approval",
  async (input: UseDiscountApprovalInput, { container }) => {
    if (!input.approval) {
      return new StepResponse(null, null)
    }
    const used = await container.resolve<PosModuleService>(POS_MODULE).useApproval({ ...input.approval, sale_id: input.sale_id })
    return new StepResponse({ id: input.approval.id, ...used }, { id: input.approval.id, sale_id: input.sale_id })
  },
  async (used, { container }) => {
    if (used) {
      await container.resolve<PosModuleService>(POS_MODULE).releaseApproval(used)
    }
  }
)
