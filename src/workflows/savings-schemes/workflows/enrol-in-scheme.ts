import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { issueSchemeCardStep } from "../steps/issue-scheme-card"
import { prepareSchemeEnrolmentStep, type EnrolInSchemeInput } from "../steps/prepare-scheme-enrolment"

/** Enrols a customer in a savings scheme on the template's terms of the day: a numbered card, once per idempotency key. */
export const enrolInSchemeWorkflow = createWorkflow("enrol-in-scheme", (input: EnrolInSchemeInput) => {
  const enrolment = prepareSchemeEnrolmentStep(input)
  return new WorkflowResponse(issueSchemeCardStep(enrolment))
})
