import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_MODULE } from "../../../../modules/loyalty"
import type LoyaltyModuleService from "../../../../modules/loyalty/service"

/** GET /admin/loyalty/verify — every account's cached balance recomputed from its ledger; `ok` when none differs. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const mismatches = await req.scope.resolve<LoyaltyModuleService>(LOYALTY_MODULE).findBalanceMismatches()
  res.json({ ok: mismatches.length === 0, mismatches })
}
