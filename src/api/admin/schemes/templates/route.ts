import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SAVINGS_SCHEME_MODULE } from "../../../../modules/savings-scheme"
import type SavingsSchemeModuleService from "../../../../modules/savings-scheme/service"
import { createSchemeTemplateWorkflow } from "../../../../workflows/savings-schemes"
import type { SchemeTemplateBodyType, SchemeTemplatesQueryType } from "../validators"

/** A template as the routes answer it: its terms with the bonus as one object. */
export function templateView(t: Record<string, unknown>) {
  const { bonus_type, bonus_count, bonus_bps, raw_instalment_paise: _raw, deleted_at: _d, ...rest } = t
  const bonus = bonus_type === "instalments" ? { type: bonus_type, count: bonus_count } : bonus_type === "none" ? { type: bonus_type } : { type: bonus_type, bps: bonus_bps }
  return { ...rest, instalment_paise: Number(rest.instalment_paise), bonus }
}

/** GET /admin/schemes/templates — the shop's savings schemes (`active=true` for those still offered). */
export async function GET(req: AuthenticatedMedusaRequest<unknown, SchemeTemplatesQueryType>, res: MedusaResponse) {
  const { active } = req.validatedQuery as SchemeTemplatesQueryType
  const schemes: SavingsSchemeModuleService = req.scope.resolve(SAVINGS_SCHEME_MODULE)
  const templates = await schemes.listSchemeTemplates(active ? { active: active === "true" } : {}, { order: { code: "ASC" } })
  res.json({ templates: templates.map((t) => templateView(t as unknown as Record<string, unknown>)), count: templates.length })
}

/** POST /admin/schemes/templates — offers a new scheme; terms beyond the scheme rules (docs/counter.md) are refused with each field named. */
export async function POST(req: AuthenticatedMedusaRequest<SchemeTemplateBodyType>, res: MedusaResponse) {
  const { code, name, description, purity, bonus, ...terms } = req.validatedBody
  const { result } = await createSchemeTemplateWorkflow(req.scope).run({
    input: { code, name, description: description ?? null, terms: { ...terms, bonus, purity: purity ?? null }, user_id: req.auth_context?.actor_id ?? null },
  })
  res.status(201).json({ template: templateView(result as unknown as Record<string, unknown>) })
}
