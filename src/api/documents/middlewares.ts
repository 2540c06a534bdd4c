import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../utils/validation"
import { SignedLinkQuery } from "./validators"

/** Signed links to documents, opened without a login. */
export const documentRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/documents/orders/:id/invoice", methods: ["GET"], middlewares: [validateQuery(SignedLinkQuery, {})] },
  { matcher: "/documents/tax-documents/:id", methods: ["GET"], middlewares: [validateQuery(SignedLinkQuery, {})] },
]
