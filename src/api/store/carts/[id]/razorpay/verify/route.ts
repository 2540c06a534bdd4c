import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { attachRazorpayCheckoutWorkflow } from "../../../../../../workflows/payments"
import type { RazorpayVerifyBodyType } from "../../../validators"

/**
 * POST /store/carts/:id/razorpay/verify — what Razorpay's checkout handed the
 * storefront (razorpay_order_id, razorpay_payment_id, razorpay_signature).
 * The signature is checked and the payment joins the cart's Razorpay
 * session; then POST /store/carts/:id/complete places the order. A forged
 * signature answers 400 and changes nothing.
 */
export async function POST(req: MedusaRequest<RazorpayVerifyBodyType>, res: MedusaResponse) {
  const { result } = await attachRazorpayCheckoutWorkflow(req.scope).run({ input: { cart_id: req.params.id, ...req.validatedBody } })
  const data = (result.data ?? {}) as Record<string, unknown>
  res.json({
    payment_session: {
      id: result.id,
      provider_id: result.provider_id,
      status: result.status,
      razorpay_order_id: data.razorpay_order_id,
      razorpay_payment_id: data.razorpay_payment_id,
    },
  })
}
