import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import {
  AddWishlistItemBody,
  ListWishlistQuery,
  RemoveWishlistItemQuery,
  StoreAppointmentBody,
  StoreCreateCustomerBody,
  StoreProfileBody,
  StoreRecommendationsQuery,
  StoreSchemePaymentLinkBody,
} from "./validators"

const customer = authenticate("customer", ["session", "bearer"])

export const storeCustomerRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/customers", methods: ["POST"], middlewares: [validateBody(StoreCreateCustomerBody)] },
  { matcher: "/store/customers/me/profile", methods: ["GET", "POST"], middlewares: [customer] },
  { matcher: "/store/customers/me/profile", methods: ["POST"], middlewares: [validateBody(StoreProfileBody)] },
  { matcher: "/store/customers/me/wishlist", methods: ["GET", "POST", "DELETE"], middlewares: [customer] },
  { matcher: "/store/customers/me/wishlist", methods: ["GET"], middlewares: [validateQuery(ListWishlistQuery, {})] },
  { matcher: "/store/customers/me/wishlist", methods: ["POST"], middlewares: [validateBody(AddWishlistItemBody)] },
  { matcher: "/store/customers/me/wishlist", methods: ["DELETE"], middlewares: [validateQuery(RemoveWishlistItemQuery, {})] },
  { matcher: "/store/customers/me/loyalty", methods: ["GET"], middlewares: [customer] },
  { matcher: "/store/customers/me/offers", methods: ["GET"], middlewares: [customer] },
  { matcher: "/store/customers/me/recommendations", methods: ["GET"], middlewares: [customer, validateQuery(StoreRecommendationsQuery, {})] },
  { matcher: "/store/customers/me/schemes", methods: ["GET"], middlewares: [customer] },
  { matcher: "/store/customers/me/appointments", methods: ["POST"], middlewares: [customer, validateBody(StoreAppointmentBody)] },
  { matcher: "/store/customers/me/schemes/:id/payment-link", methods: ["POST"], middlewares: [customer, validateBody(StoreSchemePaymentLinkBody)] },
]
