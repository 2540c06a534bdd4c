import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KARIGAR_MODULE } from "../../../modules/karigar"
import type KarigarModuleService from "../../../modules/karigar/service"
import type { CreateIssueInput } from "../../../modules/karigar/service"

/** Writes the issue, numbered; withdrawn if a later step fails (its number taken back with it). */
export const createKarigarIssueStep = createStep(
  "create-karigar-issue",
  async (input: CreateIssueInput, { container }) => {
    const issue = await container.resolve<KarigarModuleService>(KARIGAR_MODULE).createIssue(input)
    return new StepResponse(issue, issue.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<KarigarModuleService>(KARIGAR_MODULE).discardIssue(id)
    }
  }
)
