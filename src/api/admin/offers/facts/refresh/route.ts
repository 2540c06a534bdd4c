import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refreshAllFacts } from "../../../../../workflows/offers"

/** POST /admin/offers/facts/refresh — rewrite every customer's segment facts and RFM scores now (the nightly job does it too). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ refresh: await refreshAllFacts(req.scope) })
}
