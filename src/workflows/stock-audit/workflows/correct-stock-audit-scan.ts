import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { correctStockAuditScanStep, type CorrectStockAuditScanInput } from "../steps/correct-stock-audit-scan"

/** Changes the count of a tag scanned into an open audit, or undoes its scan (`quantity: null`). */
export const correctStockAuditScanWorkflow = createWorkflow("correct-stock-audit-scan", (input: CorrectStockAuditScanInput) => {
  return new WorkflowResponse(correctStockAuditScanStep(input))
})
