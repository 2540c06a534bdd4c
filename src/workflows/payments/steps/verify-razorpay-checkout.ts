import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RAZORPAY_PROVIDER_ID, razorpaySecrets } from "../../../lib/payment-settings"
import { isValidCheckoutSignature } from "../../../lib/razorpay"

export type RazorpayCheckoutInput = {
  cart_id: string
  razorpay_order_id: string
  razorpay_payment_id: string
  razorpay_signature: string
}

export type CheckoutSession = { id: string; amount: number; currency_code: string; status: string; data: Record<string, unknown> }

type CartRow = { id: string; completed_at: Date | null; payment_collection?: { payment_sessions?: (CheckoutSession & { provider_id: string })[] } | null }

/**
 * The cart's Razorpay session for the order the checkout paid, once the
 * checkout's razorpay_signature is shown to be Razorpay's (HMAC-SHA256 of
 * order_id|payment_id with the key secret). Reads only.
 */
export const verifyRazorpayCheckoutStep = createStep("verify-razorpay-checkout", async (input: RazorpayCheckoutInput, { container }) => {
  const secrets = razorpaySecrets()
  if (!secrets) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Razorpay is not configured on this shop")
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "cart",
    fields: ["id", "completed_at", "payment_collection.payment_sessions.*"],
    filters: { id: input.cart_id },
  })
  const cart = data[0] as unknown as CartRow | undefined
  if (!cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${input.cart_id} was not found`)
  }
  const session = cart.payment_collection?.payment_sessions?.find(
    (s) => s.provider_id === RAZORPAY_PROVIDER_ID && s.data?.razorpay_order_id === input.razorpay_order_id
  )
  if (!session) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `This cart has no Razorpay payment for ${input.razorpay_order_id}; start the payment again`)
  }
  if (!isValidCheckoutSignature(input, secrets.key_secret)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "razorpay_signature does not match this order and payment; nothing was changed")
  }
  return new StepResponse({ id: session.id, amount: session.amount, currency_code: session.currency_code, status: session.status, data: session.data })
})
