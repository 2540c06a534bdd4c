import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SAVINGS_SCHEME_MODULE } from "../../../modules/savings-scheme"
import type { EnrolInput } from "../../../modules/savings-scheme/service"
import type SavingsSchemeModuleService from "../../../modules/savings-scheme/service"

/** Issues the scheme card (once per idempotency key); a card this run issued is withdrawn if a later step fails. */
export const issueSchemeCardStep = createStep(
  "issue-scheme-card",
  async (input: EnrolInput, { container }) => {
    const schemes: SavingsSchemeModuleService = container.resolve(SAVINGS_SCHEME_MODULE)
    const result = await schemes.enrol(input)
    return new StepResponse(result, result.created ? result.enrolment.id : null)
  },
  async (enrolmentId, { container }) => {
    if (enrolmentId) {
      await container.resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE).softDeleteSchemeEnrolments([enrolmentId])
    }
  }
)
