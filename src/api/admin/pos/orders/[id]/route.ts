import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { posSaleView } from "../../../../../modules/pos/queries/sales"

/** GET /admin/pos/orders/:id — one counter sale with its tenders and payment link. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json({ sale: await posSaleView(req.scope, req.params.id) })
}
