import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { matchPieces, pieceValues, SHARE_WEIGHTS } from "../../../../../../lib/preferences/new-arrivals"
import { PREFERENCES_MODULE } from "../../../../../../modules/preferences"
import type PreferencesModuleService from "../../../../../../modules/preferences/service"
import type { LikelyBuyerView } from "../../../../../../types/http"
import { readNewPieces } from "../../../../../../workflows/preferences/utils/new-pieces"
import type { LikelyBuyersQueryType } from "../../../validators"

/**
 * GET /admin/preferences/pieces/:variant_id/likely-buyers — the customers most likely to want this piece under the
 * current model, best first (`limit` 1–100, default 10), each with the score and why. A piece not in any branch's
 * stock answers 404; before the first training the list is empty, with `model: null`.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, LikelyBuyersQueryType>,
  res: MedusaResponse<{ model: { id: string; trained_at: string } | null; customers: LikelyBuyerView[] }>
) {
  const { limit } = req.validatedQuery as LikelyBuyersQueryType
  const [piece] = await readNewPieces(req.scope, { variant_ids: [req.params.variant_id] })
  if (!piece) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No jewellery piece in stock with variant id ${req.params.variant_id}`)
  }
  const preferences = req.scope.resolve<PreferencesModuleService>(PREFERENCES_MODULE)
  const model = await preferences.currentModel()
  if (!model) {
    res.json({ model: null, customers: [] })
    return
  }
  const shares = await preferences.bestMatches(model.id, pieceValues(piece), SHARE_WEIGHTS, limit)
  const matches = matchPieces([piece], shares).sort((a, b) => b.score - a.score || a.customer_id.localeCompare(b.customer_id))
  const { data } = matches.length
    ? await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "customer",
        fields: ["id", "first_name", "last_name", "phone", "customer_profile.phone", "customer_profile.home_branch_id"],
        filters: { id: matches.map((m) => m.customer_id) },
      })
    : { data: [] }
  type Row = { id: string; first_name: string | null; last_name: string | null; phone: string | null; customer_profile?: { phone: string | null; home_branch_id: string | null } | null }
  const byId = new Map((data as unknown as Row[]).map((c) => [c.id, c]))
  res.json({
    model: { id: model.id, trained_at: model.trained_at.toISOString() },
    customers: matches
      .filter((m) => byId.has(m.customer_id))
      .map((m) => {
        const c = byId.get(m.customer_id)!
        return {
          customer_id: m.customer_id,
          name: [c.first_name, c.last_name].filter(Boolean).join(" "),
          phone: c.customer_profile?.phone ?? c.phone,
          home_branch_id: c.customer_profile?.home_branch_id ?? null,
          score: Math.round(m.score * 1000) / 1000,
          reason: m.reason,
        }
      }),
  })
}
