import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PREFERENCES_MODULE } from "../../../../modules/preferences"
import type PreferencesModuleService from "../../../../modules/preferences/service"
import type { PreferenceModelListResponse, PreferenceModelView } from "../../../../types/http"
import type { ListPreferenceModelsQueryType } from "../validators"

/** GET /admin/preferences/models — the trained preference models newest first, each with its evaluation; `limit`, `offset`. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListPreferenceModelsQueryType>, res: MedusaResponse<PreferenceModelListResponse>) {
  const { limit, offset } = req.validatedQuery as ListPreferenceModelsQueryType
  const preferences: PreferencesModuleService = req.scope.resolve(PREFERENCES_MODULE)
  const [rows, count] = await preferences.listAndCountPreferenceModels({}, { order: { trained_at: "DESC", id: "DESC" }, take: limit, skip: offset })
  const models = rows.map(
    (m): PreferenceModelView => ({
      id: m.id,
      status: m.status,
      trained_at: new Date(m.trained_at).toISOString(),
      duration_ms: m.duration_ms,
      customers: m.customers,
      designs: m.designs,
      interactions: m.interactions,
      parameters: m.parameters as PreferenceModelView["parameters"],
      evaluation: (m.evaluation ?? null) as PreferenceModelView["evaluation"],
    })
  )
  res.json({ models, count, limit, offset })
}
