import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validation"
import { DocumentQuery, ListTaxDocumentsQuery } from "./validators"

export const adminTaxDocumentRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/tax-documents", methods: ["GET"], middlewares: [validateQuery(ListTaxDocumentsQuery, {})] },
  { matcher: "/admin/tax-documents/:id", methods: ["GET"], middlewares: [validateQuery(DocumentQuery, {})] },
]
