import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createOfferSegmentStep, type OfferSegmentInput } from "../steps/create-offer-segment"

export type { OfferSegmentInput }

/** Saves a named audience rule. */
export const createOfferSegmentWorkflow = createWorkflow("create-offer-segment", (input: OfferSegmentInput) => {
  return new WorkflowResponse(createOfferSegmentStep(input))
})
