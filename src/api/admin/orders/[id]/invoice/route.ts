import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { issueInvoiceWorkflow, storeTaxDocumentFileWorkflow } from "../../../../../workflows/invoicing"
import { ensureInvoice, respondWithDocument } from "../../../../utils/tax-documents"
import { presentDocument } from "../../../../../modules/invoicing/present"
import type { DocumentQueryType } from "../../../tax-documents/validators"
import type { IssueInvoiceBodyType } from "../../validators"

/**
 * GET /admin/orders/:id/invoice: the order's GST tax invoice as a PDF
 * (?format=json for the record and what it says, ?format=url for a
 * short-lived link); issued now if the order has none yet.
 */
export async function GET(req: MedusaRequest<unknown, DocumentQueryType>, res: MedusaResponse) {
  const invoice = await ensureInvoice(req.scope, req.params.id)
  await respondWithDocument(req, res, invoice, req.validatedQuery.format)
}

/** POST /admin/orders/:id/invoice: issue the invoice now (201; 200 when it was issued before), or with replace_file draw its PDF again. */
export async function POST(req: MedusaRequest<IssueInvoiceBodyType>, res: MedusaResponse) {
  const { result } = await issueInvoiceWorkflow(req.scope).run({ input: { order_id: req.params.id } })
  let document = result.document
  if (req.validatedBody.replace_file && !result.created) {
    document = (await storeTaxDocumentFileWorkflow(req.scope).run({ input: { document_id: document.id, replace: true } })).result
  }
  res.status(result.created ? 201 : 200).json({ tax_document: presentDocument(document) })
}
