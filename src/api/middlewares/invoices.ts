import { authenticate, type MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { DocumentQuery, IssueCreditNoteBody, IssueInvoiceBody, ListTaxDocumentsQuery, SignedLinkQuery } from "../utils/invoices"

export const invoiceRoutes: MiddlewareRoute[] = [
  { matcher: "/admin/orders/:id/invoice", methods: ["GET"], middlewares: [validateAndTransformQuery(DocumentQuery, {})] },
  { matcher: "/admin/orders/:id/invoice", methods: ["POST"], middlewares: [validateAndTransformBody(IssueInvoiceBody)] },
  { matcher: "/admin/orders/:id/credit-notes", methods: ["POST"], middlewares: [validateAndTransformBody(IssueCreditNoteBody)] },
  { matcher: "/admin/tax-documents", methods: ["GET"], middlewares: [validateAndTransformQuery(ListTaxDocumentsQuery, {})] },
  { matcher: "/admin/tax-documents/:id", methods: ["GET"], middlewares: [validateAndTransformQuery(DocumentQuery, {})] },
  {
    matcher: "/store/orders/:id/invoice",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(DocumentQuery, {})],
  },
  { matcher: "/documents/orders/:id/invoice", methods: ["GET"], middlewares: [validateAndTransformQuery(SignedLinkQuery, {})] },
  { matcher: "/documents/tax-documents/:id", methods: ["GET"], middlewares: [validateAndTransformQuery(SignedLinkQuery, {})] },
]
