import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { POS_MODULE } from "../../../../modules/pos"
import type PosModuleService from "../../../../modules/pos/service"
import { requestDiscountApprovalWorkflow } from "../../../../workflows/pos"
import { assertOwnBranch, scopedBranchIds } from "../../../utils/access"
import { sellerLimits } from "../../../utils/price-limits"
import type { PosApprovalBodyType, PosApprovalsQueryType } from "../validators"

/** An approval request as the routes answer it: amounts in paise as stored. */
export function approvalView(a: Record<string, unknown>) {
  const { raw_making_discount_paise: _m, raw_bill_discount_paise: _b, fingerprint: _f, deleted_at: _d, ...rest } = a
  return { ...rest, making_discount_paise: Number(rest.making_discount_paise), bill_discount_paise: Number(rest.bill_discount_paise) }
}

/**
 * POST /admin/pos/approvals — a seller asks for discounts on a bill beyond their own limits: the pieces with
 * their making discounts, a bill discount, and why. 201 with the request, pending in the branch's queue; a
 * manager whose limits cover it approves it, and the sale of that very bill names it as `approval_id`.
 */
export async function POST(req: AuthenticatedMedusaRequest<PosApprovalBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  await assertOwnBranch(req, body.branch_id, `Branch "${body.branch_id}"`)
  const { result } = await requestDiscountApprovalWorkflow(req.scope).run({
    input: {
      branch_id: body.branch_id,
      customer_id: body.customer_id,
      items: body.items.map((i) => ({ tag_code: i.tag_code, quantity: i.quantity, making_discount_paise: i.making_discount ?? 0 })),
      bill_discount_paise: body.bill_discount ?? 0,
      rates: body.rates ?? [],
      reason: body.reason,
      user_id: req.auth_context.actor_id,
      seller_limits: await sellerLimits(req),
    },
  })
  res.status(201).json({ approval: approvalView(result as unknown as Record<string, unknown>) })
}

/** GET /admin/pos/approvals — the approvals queue of the user's branches, newest first; `status`, `branch_id`, `limit`, `offset`. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, PosApprovalsQueryType>, res: MedusaResponse) {
  const { branch_id, status, limit, offset } = req.validatedQuery as PosApprovalsQueryType
  const branches = await scopedBranchIds(req, branch_id)
  const [approvals, count] = await req.scope.resolve<PosModuleService>(POS_MODULE).listAndCountPosApprovals(
    { ...(branches ? { branch_id: branches.length ? branches : ["none"] } : {}), ...(status ? { status } : {}) },
    { order: { created_at: "DESC" }, take: limit, skip: offset }
  )
  res.json({ approvals: approvals.map((a) => approvalView(a as unknown as Record<string, unknown>)), count, limit, offset })
}
