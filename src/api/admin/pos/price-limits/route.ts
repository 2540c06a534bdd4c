import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STAFF_ROLES } from "../../../../lib/access-matrix"
import { POS_MODULE } from "../../../../modules/pos"
import type PosModuleService from "../../../../modules/pos/service"
import { setPriceLimitsWorkflow } from "../../../../workflows/pos"
import type { PriceLimitsBodyType } from "../validators"

async function limitsView(pos: PosModuleService) {
  return Promise.all(STAFF_ROLES.map(async (role) => ({ role, ...(await pos.priceLimitsOf(role)) })))
}

/** GET /admin/pos/price-limits — what each role may take off a counter bill without approval (null: no limit). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ limits: await limitsView(req.scope.resolve<PosModuleService>(POS_MODULE)) })
}

/** POST /admin/pos/price-limits — the owner sets branch managers' and sales staff's limits; audited. */
export async function POST(req: AuthenticatedMedusaRequest<PriceLimitsBodyType>, res: MedusaResponse) {
  await setPriceLimitsWorkflow(req.scope).run({ input: { limits: req.validatedBody.limits, user_id: req.auth_context.actor_id } })
  res.json({ limits: await limitsView(req.scope.resolve<PosModuleService>(POS_MODULE)) })
}
