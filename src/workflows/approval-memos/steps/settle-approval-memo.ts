import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { APPROVAL_MEMO_MODULE } from "../../../modules/approval-memo"
import type ApprovalMemoModuleService from "../../../modules/approval-memo/service"
import type { SettleInput } from "../../../modules/approval-memo/service"

/** Returns or sells pieces of a memo (each still out, or nothing written); undone by putting the memo and its lines back as they were. */
export const settleApprovalMemoStep = createStep(
  "settle-approval-memo",
  async (input: SettleInput, { container }) => {
    const settled = await container.resolve<ApprovalMemoModuleService>(APPROVAL_MEMO_MODULE).settle(input)
    return new StepResponse(settled, settled.before)
  },
  async (before, { container }) => {
    if (before) {
      await container.resolve<ApprovalMemoModuleService>(APPROVAL_MEMO_MODULE).restore(before)
    }
  }
)
