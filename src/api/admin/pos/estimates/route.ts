import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { POS_MODULE } from "../../../../modules/pos"
import type PosModuleService from "../../../../modules/pos/service"
import { makeEstimateWorkflow, ratesInForce } from "../../../../workflows/pos"
import { assertOwnBranch, scopedBranchIds } from "../../../utils/access"
import type { PosEstimateBodyType, PosEstimatesQueryType } from "../validators"

/** An estimate as the routes answer it: its figures, and whether it still holds (the rates it was priced at are in force). */
export async function estimateView(container: MedusaContainer, id: string) {
  const [estimate] = await container.resolve<PosModuleService>(POS_MODULE).listPosEstimates({ id }, { take: 1 })
  if (!estimate) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Estimate "${id}" was not found`)
  }
  const { raw_total_paise: _t, raw_old_gold_paise: _o, raw_to_pay_paise: _p, rates_key, deleted_at: _d, ...rest } = estimate as unknown as Record<string, unknown>
  const holds = !rest.sale_id && (await ratesInForce(container, String(rest.branch_id))).key === rates_key
  return { ...rest, total_paise: Number(rest.total_paise), old_gold_paise: Number(rest.old_gold_paise), to_pay_paise: Number(rest.to_pay_paise), valid: holds }
}

/**
 * POST /admin/pos/estimates — an estimate of a bill at today's rates: pieces by tag with their price
 * breakdown, discounts (making, bill), old articles valued at today's buying rates set against it. Writes the
 * estimate only (no stock held, nothing sold). 201 with it; print it from `/admin/pos/estimates/:id/pdf`.
 */
export async function POST(req: AuthenticatedMedusaRequest<PosEstimateBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  await assertOwnBranch(req, body.branch_id, `Branch "${body.branch_id}"`)
  const { result } = await makeEstimateWorkflow(req.scope).run({
    input: {
      branch_id: body.branch_id,
      customer_id: body.customer_id,
      items: body.items.map((i) => ({ tag_code: i.tag_code, quantity: i.quantity, making_discount_paise: i.making_discount ?? 0 })),
      bill_discount_paise: body.bill_discount ?? 0,
      rates: body.rates ?? [],
      old_gold: body.old_gold,
      user_id: req.auth_context?.actor_id ?? null,
    },
  })
  res.status(201).json({ estimate: await estimateView(req.scope, result.id) })
}

/** GET /admin/pos/estimates — estimates newest first, of the user's branches; `branch_id`, `customer_id`, `limit`, `offset`. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, PosEstimatesQueryType>, res: MedusaResponse) {
  const { branch_id, customer_id, limit, offset } = req.validatedQuery as PosEstimatesQueryType
  const branches = await scopedBranchIds(req, branch_id)
  const [estimates, count] = await req.scope.resolve<PosModuleService>(POS_MODULE).listAndCountPosEstimates(
    { ...(branches ? { branch_id: branches.length ? branches : ["none"] } : {}), ...(customer_id ? { customer_id } : {}) },
    { select: ["id", "number", "branch_id", "customer_id", "user_id", "total_paise", "old_gold_paise", "to_pay_paise", "sale_id", "created_at"], order: { created_at: "DESC" }, take: limit, skip: offset }
  )
  res.json({ estimates: estimates.map((e) => ({ ...e, total_paise: Number(e.total_paise), old_gold_paise: Number(e.old_gold_paise), to_pay_paise: Number(e.to_pay_paise) })), count, limit, offset })
}
