import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readBuyingRatesInForce, setOldGoldBuyingRatesWorkflow } from "../../../../workflows/old-gold"
import { assertOwnBranch } from "../../../utils/access"
import type { BuyingRatesBodyType, BuyingRatesQueryType } from "../validators"

/** GET /admin/old-gold/buying-rates — the buying rates in force now, shop-wide or for `branch_id`. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, BuyingRatesQueryType>, res: MedusaResponse) {
  const { branch_id } = req.validatedQuery as BuyingRatesQueryType
  res.json({ branch_id: branch_id ?? null, rates: await readBuyingRatesInForce(req.scope, branch_id ?? null) })
}

/**
 * POST /admin/old-gold/buying-rates — publishes buying rates from now, for a branch or (owner only) the
 * whole shop. 201 with the rates in force afterwards.
 */
export async function POST(req: AuthenticatedMedusaRequest<BuyingRatesBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  await assertOwnBranch(req, body.branch_id, body.branch_id ? `Branch "${body.branch_id}"` : "A shop-wide buying rate")
  await setOldGoldBuyingRatesWorkflow(req.scope).run({ input: { rates: body.rates, branch_id: body.branch_id, user_id: req.auth_context?.actor_id ?? null } })
  res.status(201).json({ branch_id: body.branch_id, rates: await readBuyingRatesInForce(req.scope, body.branch_id) })
}
