import { type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../utils/validation"
import { PaymentLinkBody, PaymentLinksQuery, RazorpayVerifyBody } from "../utils/payments"
import { PosOrderBody, PosOrdersQuery, PosQuoteBody } from "../utils/pos"
import { ReconciliationQuery } from "../utils/reconciliation"
import { guardPaymentWebhook } from "../hooks/helpers"
import { refuseStorefrontProvider, storefrontPaymentProviders } from "../utils/pay-at-store"

export const paymentRoutes: MiddlewareRoute[] = [
  // Medusa's route as it declares it: every spelling Express sends there meets the guard.
  { matcher: "/hooks/payment/:provider", methods: ["POST"], bodyParser: { preserveRawBody: true }, middlewares: [guardPaymentWebhook] },
  { matcher: "/admin/pos/orders", methods: ["POST"], middlewares: [validateBody(PosOrderBody)] },
  { matcher: "/admin/pos/quote", methods: ["POST"], middlewares: [validateBody(PosQuoteBody)] },
  { matcher: "/admin/pos/orders", methods: ["GET"], middlewares: [validateQuery(PosOrdersQuery, {})] },
  { matcher: "/admin/payments/links", methods: ["POST"], middlewares: [validateBody(PaymentLinkBody)] },
  { matcher: "/admin/payments/links", methods: ["GET"], middlewares: [validateQuery(PaymentLinksQuery, {})] },
  { matcher: "/admin/payments/reconciliation", methods: ["GET"], middlewares: [validateQuery(ReconciliationQuery, {})] },
  { matcher: "/store/carts/:id/razorpay/verify", methods: ["POST"], middlewares: [validateBody(RazorpayVerifyBody)] },
  // Pay at the store only where the owner offers it (docs/security.md, "Value only for paid orders").
  { matcher: "/store/payment-providers", methods: ["GET"], middlewares: [storefrontPaymentProviders] },
  { matcher: "/store/payment-collections/:id/payment-sessions", methods: ["POST"], middlewares: [refuseStorefrontProvider] },
]
