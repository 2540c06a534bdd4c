import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordDeliveryStatusStep, type DeliveryReport } from "../steps/record-delivery-status"

/** Records a provider's delivery callback on the message it is about. */
export const recordDeliveryStatusWorkflow = createWorkflow("record-delivery-status", (report: DeliveryReport) => {
  return new WorkflowResponse(recordDeliveryStatusStep(report))
})
