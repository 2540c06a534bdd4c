import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { schemeTemplateProblems, type SchemeTerms } from "../../../lib/savings-schemes"
import { SAVINGS_SCHEME_MODULE } from "../../../modules/savings-scheme"
import type SavingsSchemeModuleService from "../../../modules/savings-scheme/service"

export type CreateSchemeTemplateInput = { code: string; name: string; description: string | null; terms: SchemeTerms; user_id: string | null }

/** Checks the terms against the scheme rules (365 days at most, a bonus that fits) and a free code, then saves the template. Undone by deleting it. */
export const saveSchemeTemplateStep = createStep(
  "save-scheme-template",
  async (input: CreateSchemeTemplateInput, { container }) => {
    const { terms } = input
    const problems = schemeTemplateProblems(terms)
    if (terms.kind === "weight" && !terms.purity) {
      problems.push("purity: a weight scheme names the purity of gold its instalments buy, e.g. 916 or 999")
    }
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
    }
    const schemes: SavingsSchemeModuleService = container.resolve(SAVINGS_SCHEME_MODULE)
    const code = input.code.trim().toUpperCase()
    if ((await schemes.listSchemeTemplates({ code }, { select: ["id"], take: 1 })).length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `code: a scheme "${code}" exists already; a scheme's terms never change, so offer a new one under a new code`)
    }
    const bonus = terms.bonus
    const [template] = await schemes.createSchemeTemplates([
      {
        code,
        name: input.name.trim(),
        description: input.description,
        kind: terms.kind,
        purity: terms.kind === "weight" ? terms.purity : null,
        instalment_paise: terms.instalment_paise,
        instalments: terms.instalments,
        maturity_months: terms.maturity_months,
        bonus_type: bonus.type,
        bonus_count: bonus.type === "instalments" ? bonus.count : 0,
        bonus_bps: bonus.type === "percent_of_paid" || bonus.type === "making_waiver" ? bonus.bps : 0,
        grace_days: terms.grace_days,
        early_closure_after: terms.early_closure_after,
        user_id: input.user_id,
      },
    ])
    return new StepResponse(template, template.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE).deleteSchemeTemplates([id])
    }
  }
)
