import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { openStockAuditStep } from "../steps/open-stock-audit"
import { prepareStockAuditStep, type OpenStockAuditInput } from "../steps/prepare-stock-audit"

/**
 * Opens a stock audit of a branch (or one category of it): the branch's stock location and the category are
 * checked, then the audit is written with its snapshot of every tag in stock there — what the count is
 * measured against, whatever sells meanwhile. One open audit per branch and category (409 otherwise).
 */
export const openStockAuditWorkflow = createWorkflow("open-stock-audit", (input: OpenStockAuditInput) => {
  const prepared = prepareStockAuditStep(input)
  return new WorkflowResponse(openStockAuditStep(prepared))
})
