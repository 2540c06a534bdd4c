import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { APPROVAL_MEMO_MODULE } from "../../../modules/approval-memo"
import type ApprovalMemoModuleService from "../../../modules/approval-memo/service"

/** Ties a memo to its follow-up task (the memo's own withdrawal undoes it). */
export const linkMemoTaskStep = createStep("link-memo-task", async (input: { memo_id: string; task_id: string | null }, { container }) => {
  await container.resolve<ApprovalMemoModuleService>(APPROVAL_MEMO_MODULE).setFollowUpTask(input.memo_id, input.task_id)
  return new StepResponse(null)
})
