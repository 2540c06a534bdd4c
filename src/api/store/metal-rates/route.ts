import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"
import { presentRate } from "../../../modules/jewelry/present"
import type { CurrentMetalRatesQueryType } from "../../admin/metal-rates/validators"

/** GET /store/metal-rates: today's rates (shop-wide, plus a branch's own with ?branch_id=). */
export async function GET(req: MedusaRequest<unknown, CurrentMetalRatesQueryType>, res: MedusaResponse) {
  const { branch_id } = req.validatedQuery as CurrentMetalRatesQueryType
  const jewelry: JewelryModuleService = req.scope.resolve(JEWELRY_MODULE)
  const rates = await jewelry.listCurrentMetalRates({ branch_ids: [null, ...(branch_id ? [branch_id] : [])] })
  res.json({
    rates: rates.map((rate) => {
      const { id: _id, ...shown } = presentRate(rate)
      return shown
    }),
  })
}
