import { type MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { PAYPAL_WEBHOOK_PROVIDER, RAZORPAY_WEBHOOK_PROVIDER } from "../../lib/payment-settings"
import { RazorpayVerifyBody } from "../utils/payments"
import { guardPaypalWebhook } from "../utils/paypal-webhook"
import { guardRazorpayWebhook } from "../utils/razorpay-webhook"

export const paymentRoutes: MiddlewareRoute[] = [
  {
    matcher: `/hooks/payment/${RAZORPAY_WEBHOOK_PROVIDER}`,
    methods: ["POST"],
    bodyParser: { preserveRawBody: true },
    middlewares: [guardRazorpayWebhook],
  },
  {
    matcher: `/hooks/payment/${PAYPAL_WEBHOOK_PROVIDER}`,
    methods: ["POST"],
    bodyParser: { preserveRawBody: true },
    middlewares: [guardPaypalWebhook],
  },
  { matcher: "/store/carts/:id/razorpay/verify", methods: ["POST"], middlewares: [validateAndTransformBody(RazorpayVerifyBody)] },
]
