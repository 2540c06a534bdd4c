import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { DocumentQuery } from "../../admin/tax-documents/validators"
import { validateQuery } from "../../utils/validation"

export const storeOrderRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/orders/:id/invoice",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"]), validateQuery(DocumentQuery, {})],
  },
]
