import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { APPROVAL_MEMO_MODULE } from "../../../modules/approval-memo"
import type ApprovalMemoModuleService from "../../../modules/approval-memo/service"

/** The order a counter sale made of a memo's pieces, on their lines (a failed sale puts the lines back whole: settle's undo). */
export const noteMemoSaleStep = createStep("note-memo-sale", async (input: { memo_id: string; sale_key: string; order_id: string }, { container }) => {
  await container.resolve<ApprovalMemoModuleService>(APPROVAL_MEMO_MODULE).noteSaleOrder(input)
  return new StepResponse(null)
})
