import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { messagingSettings } from "../../../../lib/messaging-settings"
import { createPaymentLinkWorkflow } from "../../../../workflows/payments"
import { branchScope } from "../../../utils/access"
import { isOwnOrder } from "../../../utils/branch-scope"
import { paymentLinksView } from "../helpers"
import type { PaymentLinkBodyType, PaymentLinksQueryType } from "../validators"

/**
 * POST /admin/payments/links — a Razorpay payment link for an order's
 * balance (or `amount`, part of it), sent to the customer by SMS or WhatsApp
 * through the outbox. 201 with the link and its message; 200 with the link
 * already out when unpaid links cover the balance.
 */
export async function POST(req: AuthenticatedMedusaRequest<PaymentLinkBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const shopName = messagingSettings().shop_name ?? (await req.scope.resolve(Modules.STORE).listStores({}, { select: ["name"], take: 1 }))[0]?.name ?? "the shop"
  const { result } = await createPaymentLinkWorkflow(req.scope).run({
    input: {
      order_id: body.order_id,
      amount_paise: body.amount,
      channel: body.channel,
      expires_in_days: body.expires_in_days,
      user_id: req.auth_context?.actor_id ?? null,
      shop_name: shopName,
    },
  })
  const { payment_links } = await paymentLinksView(req.scope, { id: result.link_id }, { limit: 1, offset: 0 })
  res.status(result.existing ? 200 : 201).json({ payment_link: payment_links[0], existing: result.existing })
}

/** GET /admin/payments/links — payment links, newest first; `order_id`, `status`, `limit`, `offset`. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, PaymentLinksQueryType>, res: MedusaResponse) {
  const { order_id, status, limit, offset } = req.validatedQuery as PaymentLinksQueryType
  // Branch staff list the links of one order of their branches.
  if ((await branchScope(req)) && !order_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Give order_id: branch staff list the payment links of an order of their branches")
  }
  if (order_id && !(await isOwnOrder(req, order_id))) {
    res.json({ payment_links: [], count: 0, limit, offset })
    return
  }
  const view = await paymentLinksView(req.scope, { ...(order_id ? { order_id } : {}), ...(status ? { status } : {}) }, { limit, offset })
  res.json({ ...view, limit, offset })
}
