import { type MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { RAZORPAY_WEBHOOK_PROVIDER } from "../../lib/payment-settings"
import { RazorpayVerifyBody } from "../utils/payments"
import { guardRazorpayWebhook } from "../utils/razorpay-webhook"

export const paymentRoutes: MiddlewareRoute[] = [
  {
    matcher: `/hooks/payment/${RAZORPAY_WEBHOOK_PROVIDER}`,
    methods: ["POST"],
    bodyParser: { preserveRawBody: true },
    middlewares: [guardRazorpayWebhook],
  },
  { matcher: "/store/carts/:id/razorpay/verify", methods: ["POST"], middlewares: [validateAndTransformBody(RazorpayVerifyBody)] },
]
