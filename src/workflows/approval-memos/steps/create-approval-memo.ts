import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { APPROVAL_MEMO_MODULE } from "../../../modules/approval-memo"
import type ApprovalMemoModuleService from "../../../modules/approval-memo/service"
import type { CreateMemoInput } from "../../../modules/approval-memo/service"

/** Writes the memo with its pieces out, numbered; withdrawn, lines and all, if a later step fails (its number is taken back with it). */
export const createApprovalMemoStep = createStep(
  "create-approval-memo",
  async (input: CreateMemoInput, { container }) => {
    const memo = await container.resolve<ApprovalMemoModuleService>(APPROVAL_MEMO_MODULE).createMemo(input)
    return new StepResponse(memo, memo.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<ApprovalMemoModuleService>(APPROVAL_MEMO_MODULE).discardMemo(id)
    }
  }
)
