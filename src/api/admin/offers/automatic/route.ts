import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presentCampaign } from "../../../../modules/offers/present"
import { ensureAutomaticCampaigns } from "../../../../workflows/offers"

/** GET /admin/offers/automatic — the birthday, anniversary, win-back and tier-upgrade campaigns (off until switched on). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ campaigns: (await ensureAutomaticCampaigns(req.scope)).map(presentCampaign) })
}
