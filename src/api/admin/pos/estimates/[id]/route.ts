import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { estimateView } from "../route"

/** GET /admin/pos/estimates/:id — one estimate with `valid` (still at the rates it was priced at, and not yet sold). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ estimate: await estimateView(req.scope, req.params.id) })
}
