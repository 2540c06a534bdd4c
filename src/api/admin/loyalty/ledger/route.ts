import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_MODULE } from "../../../../modules/loyalty"
import type LoyaltyModuleService from "../../../../modules/loyalty/service"
import { dateRange } from "../../../utils/filters"
import type { LedgerQueryType } from "../validators"

/** GET /admin/loyalty/ledger?customer_id=&type=&from=&to= — ledger entries, newest first. */
export async function GET(req: MedusaRequest<unknown, LedgerQueryType>, res: MedusaResponse) {
  const q = req.validatedQuery as LedgerQueryType
  const filters: Record<string, unknown> = {}
  if (q.customer_id) {
    filters.customer_id = q.customer_id
  }
  if (q.type) {
    filters.type = q.type
  }
  if (q.from || q.to) {
    filters.created_at = dateRange(q.from, q.to)
  }
  const [entries, count] = await req.scope
    .resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    .listAndCountPointsEntries(filters, { order: { created_at: "DESC" }, take: q.limit, skip: q.offset })
  res.json({ entries, count, limit: q.limit, offset: q.offset })
}
