import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { issueOldGoldVoucherStep } from "../steps/issue-old-gold-voucher"
import { prepareOldGoldPurchaseStep, type BuyOldGoldInput } from "../steps/prepare-old-gold-purchase"

/**
 * Buys old gold from a customer (outright, or in exchange against a sale): values each article at the
 * buying rate in force, checks the payout, the day's cash limit and the PAN rule, and issues the numbered
 * voucher with the old metal added to the branch's stock — all or nothing, once per idempotency key.
 */
export const buyOldGoldWorkflow = createWorkflow("buy-old-gold", (input: BuyOldGoldInput) => {
  const voucher = prepareOldGoldPurchaseStep(input)
  return new WorkflowResponse(issueOldGoldVoucherStep(voucher))
})
