import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { completeTaskStep, type CompleteTaskInput } from "../steps/complete-task"

/** Closes an open follow-up task as done or cancelled, with a note. */
export const completeFollowUpTaskWorkflow = createWorkflow("complete-follow-up-task", (input: CompleteTaskInput) => {
  return new WorkflowResponse(completeTaskStep(input))
})
