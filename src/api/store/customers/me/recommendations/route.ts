import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PREFERENCES_MODULE } from "../../../../../modules/preferences"
import type PreferencesModuleService from "../../../../../modules/preferences/service"
import { designProducts } from "../../../../../workflows/preferences/utils/design-products"
import type { StoreRecommendationsQueryType } from "../../validators"

/**
 * GET /store/customers/me/recommendations — "recommended for you": the designs the preference model ranks highest
 * for the signed-in customer, with why and the published products of each design in this storefront's sales
 * channels (a design with none here is left out). `limit` 1–10. Before the first training, or for a customer with
 * no history yet, `designs` is empty and `model` says which.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreRecommendationsQueryType>, res: MedusaResponse) {
  const { limit } = req.validatedQuery as StoreRecommendationsQueryType
  const { model, items } = await req.scope.resolve<PreferencesModuleService>(PREFERENCES_MODULE).recommendationsOf(req.auth_context.actor_id, 10)
  const products = await designProducts(req.scope, items.map((i) => i.design_id), req.publishable_key_context?.sales_channel_ids ?? [])
  const designs = items
    .map((i) => ({
      design_id: i.design_id,
      title: i.title,
      reason: i.reason,
      products: products.filter((p) => p.design_id === i.design_id).map(({ id, handle, title, thumbnail }) => ({ id, handle, title, thumbnail })),
    }))
    .filter((d) => d.products.length)
    .slice(0, limit)
    .map((d, n) => ({ rank: n + 1, ...d }))
  res.json({ model: model ? { trained_at: model.trained_at } : null, designs })
}
