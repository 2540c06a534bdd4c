import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { branchScope } from "../../../utils/access"
import { reconciliationView } from "../../../../modules/pos/queries/reconciliation"
import type { ReconciliationQueryType } from "../validators"

/**
 * GET /admin/payments/reconciliation?date=YYYY-MM-DD — the day's (India
 * time; today by default) captured, refunded and failed payments per branch
 * and tender, with totals in rupees and paise; `branch_id`, `kind`, and
 * `limit`/`offset` for the entries listed.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json(await reconciliationView(req.scope, req.validatedQuery as ReconciliationQueryType, await branchScope(req)))
}
