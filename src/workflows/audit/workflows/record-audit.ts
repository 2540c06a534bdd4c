import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordAuditStep, type RecordAuditInput } from "../steps/record-audit"

export type { RecordAuditInput }

/** Records audit entries on their own (for code that is not a workflow and has no request). */
export const recordAuditWorkflow = createWorkflow("record-audit", (input: RecordAuditInput) => {
  return new WorkflowResponse(recordAuditStep(input))
})
