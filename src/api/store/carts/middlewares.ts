import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validation"
import { CartPointsBody, RazorpayVerifyBody } from "./validators"

export const storeCartRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/carts/:id/loyalty*", middlewares: [authenticate("customer", ["session", "bearer"])] },
  { matcher: "/store/carts/:id/loyalty/redeem", methods: ["POST"], middlewares: [validateBody(CartPointsBody)] },
  { matcher: "/store/carts/:id/razorpay/verify", methods: ["POST"], middlewares: [validateBody(RazorpayVerifyBody)] },
]
