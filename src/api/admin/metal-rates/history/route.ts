import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { JEWELRY_MODULE } from "../../../../modules/jewelry"
import type JewelryModuleService from "../../../../modules/jewelry/service"
import { dateRange } from "../../../utils/filters"
import { presentRate } from "../../../../modules/jewelry/present"
import type { MetalRateHistoryQueryType } from "../validators"

/** GET /admin/metal-rates/history: every published rate, newest first. */
export async function GET(req: MedusaRequest<unknown, MetalRateHistoryQueryType>, res: MedusaResponse) {
  const q = req.validatedQuery as MetalRateHistoryQueryType
  const filters: Record<string, unknown> = {}
  if (q.metal) {
    filters.metal = q.metal
  }
  if (q.purity) {
    filters.purity = q.purity
  }
  if (q.branch_id) {
    filters.branch_id = q.branch_id
  }
  if (q.from || q.to) {
    filters.effective_from = dateRange(q.from, q.to)
  }
  const jewelry: JewelryModuleService = req.scope.resolve(JEWELRY_MODULE)
  const [rates, count] = await jewelry.listAndCountMetalRates(filters, {
    order: { effective_from: "DESC", created_at: "DESC" },
    take: q.limit,
    skip: q.offset,
  })
  res.json({ rates: rates.map(presentRate), count, limit: q.limit, offset: q.offset })
}
