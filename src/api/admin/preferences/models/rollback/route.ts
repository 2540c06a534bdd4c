import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PREFERENCES_MODULE } from "../../../../../modules/preferences"
import type PreferencesModuleService from "../../../../../modules/preferences/service"
import { recordAudit } from "../../../../utils/audit"
import type { RollbackPreferenceModelBodyType } from "../../validators"

/**
 * POST /admin/preferences/models/rollback — puts the previous preference model back (its recommendations serve
 * the 360 again at once); the current one becomes previous, so a second rollback undoes the first. 409 when there
 * is no previous model.
 */
export async function POST(req: AuthenticatedMedusaRequest<RollbackPreferenceModelBodyType>, res: MedusaResponse<{ current: string; previous: string | null }>) {
  const preferences: PreferencesModuleService = req.scope.resolve(PREFERENCES_MODULE)
  const [before] = await preferences.listPreferenceModels({ status: "current" }, { select: ["id"], take: 1 })
  const current = await preferences.rollbackModel()
  await recordAudit(req.scope, req, {
    action: "preference_model.rolled_back",
    entity: "preference_model",
    entity_id: current,
    branch_id: null,
    changes: { status: { before: "previous", after: "current" } },
    metadata: { replaced: before?.id ?? null, ...(req.validatedBody.note ? { note: req.validatedBody.note } : {}) },
  })
  res.json({ current, previous: before?.id ?? null })
}
