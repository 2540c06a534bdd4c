import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createPosSaleWorkflow } from "../../../../workflows/pos"
import { posSalesView, posSaleView, saleView } from "../../../../modules/pos/queries/sales"
import type { PosOrderBodyType, PosOrdersQueryType } from "../validators"
import { assertOwnBranch, scopedBranchIds } from "../../../utils/access"
import { sellerLimits } from "../../../utils/price-limits"
import { encryptSecret, maskPan, normalizePan, piiKey } from "../../../../lib/pan"

/**
 * POST /admin/pos/orders — a counter sale: customer, branch, pieces by tag
 * code, loyalty points and tenders (cash, card, UPI, a Razorpay payment link,
 * old gold, a savings scheme) adding up to the bill; PAN or Form 60 from ₹2 lakh. 201 with the sale (order, tenders, change
 * due, the link); the same idempotency key again answers 200 with the same
 * sale and sells nothing.
 */
export async function POST(req: AuthenticatedMedusaRequest<PosOrderBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  await assertOwnBranch(req, body.branch_id, `Branch "${body.branch_id}"`)
  const pan = body.pan ? normalizePan(body.pan) : null
  const { result } = await createPosSaleWorkflow(req.scope).run({
    input: {
      idempotency_key: body.idempotency_key,
      branch_id: body.branch_id,
      customer_id: body.customer_id,
      items: body.items.map((i) => ({ tag_code: i.tag_code, quantity: i.quantity, making_discount_paise: i.making_discount ?? 0 })),
      bill_discount_paise: body.bill_discount ?? 0,
      rates: body.rates ?? [],
      // Read only for a bill that asks a discount or a rate: without limits the sale gives none (prepare-pos-sale).
      seller_limits: body.bill_discount || body.rates?.length || body.items.some((i) => i.making_discount) ? await sellerLimits(req) : undefined,
      approval_id: body.approval_id ?? null,
      estimate_id: body.estimate_id ?? null,
      memo_id: body.memo_id ?? null,
      points: body.loyalty_points,
      tenders: body.tenders.map((t) => ({ kind: t.kind, amount_paise: t.amount, reference: t.reference ?? null })),
      note: body.note ?? null,
      user_id: req.auth_context?.actor_id ?? null,
      link_channel: body.link_channel,
      identity: pan ? { pan_encrypted: encryptSecret(pan, piiKey()), pan_masked: maskPan(pan) } : body.form_60 ? { form_60: true } : null,
    },
  })
  // A new sale is answered from what the sale wrote; a replay reads the sale it made.
  const made = result.made
  const sale = made ? saleView(made.sale, { order: made.order, branch: made.branch, link: made.link }) : await posSaleView(req.scope, result.sale_id)
  res.status(result.replayed ? 200 : 201).json({ sale, replayed: result.replayed })
}

/** GET /admin/pos/orders — counter sales, newest first; `branch_id`, `customer_id`, `limit`, `offset`. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, PosOrdersQueryType>, res: MedusaResponse) {
  const { branch_id, customer_id, limit, offset } = req.validatedQuery as PosOrdersQueryType
  // Branch managers and sales staff: only their branches' sales.
  const branches = await scopedBranchIds(req, branch_id)
  const { sales, count } = await posSalesView(req.scope, { ...(branches ? { branch_id: branches.length ? branches : ["none"] } : {}), ...(customer_id ? { customer_id } : {}) }, { limit, offset })
  res.json({ sales, count, limit, offset })
}
