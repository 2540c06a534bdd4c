import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { DocumentQuery } from "../tax-documents/validators"
import { IssueCreditNoteBody, IssueInvoiceBody } from "./validators"

/** The shop's routes below Medusa's orders: an order's invoice and credit notes. */
export const adminOrderRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/orders/:id/invoice", methods: ["GET"], middlewares: [validateQuery(DocumentQuery, {})] },
  { matcher: "/admin/orders/:id/invoice", methods: ["POST"], middlewares: [validateBody(IssueInvoiceBody)] },
  { matcher: "/admin/orders/:id/credit-notes", methods: ["POST"], middlewares: [validateBody(IssueCreditNoteBody)] },
]
