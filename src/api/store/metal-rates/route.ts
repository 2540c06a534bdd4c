import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readThrough, METAL_RATES_TAG } from "../../../lib/catalogue-cache"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"
import { presentRate } from "../../../modules/jewelry/present"
import type { CurrentMetalRatesQueryType } from "../../admin/metal-rates/validators"

/** Longest a cached answer is kept when no rate is waiting to take effect (the module's TTL). */
const MAX_TTL_S = 600

/**
 * GET /store/metal-rates: today's rates (shop-wide, plus a branch's own with
 * ?branch_id=). Cached until new rates are published (Medusa clears the
 * metal-rate tag on their creation) or a rate published for later takes
 * effect, whichever comes first (docs/architecture.md#caching).
 */
export async function GET(req: MedusaRequest<unknown, CurrentMetalRatesQueryType>, res: MedusaResponse) {
  const { branch_id } = req.validatedQuery as CurrentMetalRatesQueryType
  const jewelry: JewelryModuleService = req.scope.resolve(JEWELRY_MODULE)
  const body = await readThrough(req.scope, `jewel:metal-rates:${branch_id ?? ""}`, [METAL_RATES_TAG], async () => {
    const now = new Date()
    const [rates, [next]] = await Promise.all([
      jewelry.listCurrentMetalRates({ at: now, branch_ids: [null, ...(branch_id ? [branch_id] : [])] }),
      jewelry.listMetalRates({ effective_from: { $gt: now } }, { select: ["effective_from"], order: { effective_from: "ASC" }, take: 1 }),
    ])
    const untilNext = next ? Math.ceil((new Date(next.effective_from).getTime() - now.getTime()) / 1000) : MAX_TTL_S
    return {
      value: {
        rates: rates.map((rate) => {
          const { id: _id, ...shown } = presentRate(rate)
          return shown
        }),
      },
      ttl: Math.max(1, Math.min(MAX_TTL_S, untilNext)),
    }
  })
  res.json(body)
}
