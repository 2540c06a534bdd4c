import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PREFERENCES_MODULE } from "../../../../../modules/preferences"
import type PreferencesModuleService from "../../../../../modules/preferences/service"
import { designAvailability, designPiecesInStock, designProducts } from "../../../../../workflows/preferences/utils/design-products"
import type { StoreRecommendationsQueryType } from "../../validators"

/**
 * GET /store/customers/me/recommendations — "recommended for you": the designs the preference model ranks highest
 * for the signed-in customer, with why and the published products of each design in this storefront's sales
 * channels (a design with none here is left out), and where its pieces can be seen now (`available_at`: the
 * branches holding them, the customer's home branch first). `limit` 1–10. Before the first training, or for a
 * customer with no history yet, `designs` is empty and `model` says which.
 */
/** The customer's designs looked at, before those with no product here are left out. */
const MAX_DESIGNS = 10

/** Pieces of a design counted per branch: enough to say where it can be seen. */
const PIECES_COUNTED = 20

export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreRecommendationsQueryType>, res: MedusaResponse) {
  const { limit } = req.validatedQuery as StoreRecommendationsQueryType
  const customerId = req.auth_context.actor_id
  // Side by side: the products' and pieces' reads find the same top designs themselves.
  const top = { top_of: customerId, count: MAX_DESIGNS }
  const [{ model, items }, products, pieces] = await Promise.all([
    req.scope.resolve<PreferencesModuleService>(PREFERENCES_MODULE).recommendationsOf(customerId, MAX_DESIGNS),
    designProducts(req.scope, top, req.publishable_key_context?.sales_channel_ids ?? []),
    designPiecesInStock(req.scope, top, customerId, PIECES_COUNTED),
  ])
  const designs = items
    .map((i) => ({
      design_id: i.design_id,
      title: i.title,
      reason: i.reason,
      products: products.filter((p) => p.design_id === i.design_id).map(({ id, handle, title, thumbnail }) => ({ id, handle, title, thumbnail })),
      available_at: designAvailability(pieces, i.design_id),
    }))
    .filter((d) => d.products.length)
    .slice(0, limit)
    .map((d, n) => ({ rank: n + 1, ...d }))
  res.json({ model: model ? { trained_at: model.trained_at } : null, designs })
}
