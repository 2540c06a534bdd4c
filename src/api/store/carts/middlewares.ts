import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validation"
import { ownCartInBodyOnly, ownCartOnly } from "./own-cart"
import { CartPointsBody, RazorpayVerifyBody } from "./validators"

/** Who is asking, when anyone is signed in: a customer's cart is not another customer's (own-cart.ts). */
const maybeCustomer = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

export const storeCartRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/carts/:id", middlewares: [maybeCustomer, ownCartOnly] },
  { matcher: "/store/carts/:id/*", middlewares: [maybeCustomer, ownCartOnly] },
  { matcher: "/store/payment-collections", methods: ["POST"], middlewares: [maybeCustomer, ownCartInBodyOnly] },
  { matcher: "/store/carts/:id/loyalty*", middlewares: [authenticate("customer", ["session", "bearer"])] },
  { matcher: "/store/carts/:id/loyalty/redeem", methods: ["POST"], middlewares: [validateBody(CartPointsBody)] },
  { matcher: "/store/carts/:id/razorpay/verify", methods: ["POST"], middlewares: [validateBody(RazorpayVerifyBody)] },
]
