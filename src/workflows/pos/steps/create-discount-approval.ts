import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POS_MODULE } from "../../../modules/pos"
import type PosModuleService from "../../../modules/pos/service"

export type CreateDiscountApprovalInput = {
  branch_id: string
  customer_id: string
  requested_by: string
  fingerprint: string
  request: Record<string, unknown>
  making_discount_paise: number
  making_discount_bps: number
  bill_discount_paise: number
  reason: string
}

/** Files the request in the branch's approvals queue; undone by deleting it. */
export const createDiscountApprovalStep = createStep(
  "create-discount-approval",
  async (input: CreateDiscountApprovalInput, { container }) => {
    const approval = await container.resolve<PosModuleService>(POS_MODULE).createPosApprovals(input)
    return new StepResponse(approval, approval.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<PosModuleService>(POS_MODULE).deletePosApprovals(id)
    }
  }
)
