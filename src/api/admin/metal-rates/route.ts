import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"
import { setMetalRatesWorkflow } from "../../../workflows/set-metal-rates"
import {
  presentRate,
  type CurrentMetalRatesQueryType,
  type PostMetalRatesBodyType,
} from "../../utils/metal-rates"

/** GET /admin/metal-rates: the rates in force now (or at `at`), shop-wide and per branch. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, CurrentMetalRatesQueryType>, res: MedusaResponse) {
  const { branch_id, at } = req.validatedQuery as CurrentMetalRatesQueryType
  const jewelry: JewelryModuleService = req.scope.resolve(JEWELRY_MODULE)
  const rates = await jewelry.listCurrentMetalRates({ at, branch_ids: branch_id ? [null, branch_id] : undefined })
  res.json({ rates: rates.map(presentRate) })
}

/** POST /admin/metal-rates: publish one or more rates; >10 % moves need "confirm": true. */
export async function POST(req: AuthenticatedMedusaRequest<PostMetalRatesBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const { result } = await setMetalRatesWorkflow(req.scope).run({
    input: {
      rates: body.rates.map(({ rate_per_g, ...rate }) => ({ ...rate, rate_per_g_paise: rate_per_g })),
      effective_from: body.effective_from,
      source: body.source,
      note: body.note,
      confirm: body.confirm,
      set_by: req.auth_context.actor_id,
    },
  })
  res.status(201).json({ rates: result.map(presentRate) })
}
