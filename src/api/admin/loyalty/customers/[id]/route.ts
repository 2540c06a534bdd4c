import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loyaltyView } from "../../../../../workflows/loyalty"

/** GET /admin/loyalty/customers/:id — balance, its value, tier, history and points expiring soon. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json({ loyalty: await loyaltyView(req.scope, req.params.id, { history: 50 }) })
}
