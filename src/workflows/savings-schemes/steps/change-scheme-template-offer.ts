import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SAVINGS_SCHEME_MODULE } from "../../../modules/savings-scheme"
import type SavingsSchemeModuleService from "../../../modules/savings-scheme/service"

export type SetSchemeTemplateOfferedInput = { id: string; active: boolean }

/** Offers a scheme for new enrolments or stops offering it; undone by setting it back. */
export const changeSchemeTemplateOfferStep = createStep(
  "change-scheme-template-offer",
  async (input: SetSchemeTemplateOfferedInput, { container }) => {
    const schemes: SavingsSchemeModuleService = container.resolve(SAVINGS_SCHEME_MODULE)
    const [found] = await schemes.listSchemeTemplates({ id: input.id }, { select: ["id", "active"], take: 1 })
    if (!found) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Scheme template "${input.id}" was not found`)
    }
    const updated = await schemes.updateSchemeTemplates({ id: found.id, active: input.active })
    return new StepResponse(updated, { id: found.id, active: found.active })
  },
  async (before, { container }) => {
    if (before) {
      await container.resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE).updateSchemeTemplates(before)
    }
  }
)
