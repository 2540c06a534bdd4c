import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../utils/validation"
import { DocumentQuery, IssueCreditNoteBody, IssueInvoiceBody, ListTaxDocumentsQuery, SignedLinkQuery } from "../utils/invoices"

export const invoiceRoutes: MiddlewareRoute[] = [
  { matcher: "/admin/orders/:id/invoice", methods: ["GET"], middlewares: [validateQuery(DocumentQuery, {})] },
  { matcher: "/admin/orders/:id/invoice", methods: ["POST"], middlewares: [validateBody(IssueInvoiceBody)] },
  { matcher: "/admin/orders/:id/credit-notes", methods: ["POST"], middlewares: [validateBody(IssueCreditNoteBody)] },
  { matcher: "/admin/tax-documents", methods: ["GET"], middlewares: [validateQuery(ListTaxDocumentsQuery, {})] },
  { matcher: "/admin/tax-documents/:id", methods: ["GET"], middlewares: [validateQuery(DocumentQuery, {})] },
  {
    matcher: "/store/orders/:id/invoice",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"]), validateQuery(DocumentQuery, {})],
  },
  { matcher: "/documents/orders/:id/invoice", methods: ["GET"], middlewares: [validateQuery(SignedLinkQuery, {})] },
  { matcher: "/documents/tax-documents/:id", methods: ["GET"], middlewares: [validateQuery(SignedLinkQuery, {})] },
]
