import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { signedPath } from "../../lib/document-links"
import { fileSettings } from "../../lib/file-settings"
import { documentFileName } from "../../lib/tax-documents"
import { INVOICING_MODULE } from "../../modules/invoicing"
import type InvoicingModuleService from "../../modules/invoicing/service"
import type { TaxDocumentRow } from "../../modules/invoicing/service"
import { issueInvoiceWorkflow, storeTaxDocumentFileWorkflow } from "../../workflows/invoicing"
import { presentDocument } from "../../modules/invoicing/present"
import type { DocumentQueryType } from "../admin/tax-documents/validators"
import { sendPrivateFile } from "./files"
import { documentLinkKey, publicBaseUrl } from "../../workflows/invoicing"

export { documentLinkKey }

/** The order's invoice, issued now (with its PDF) when it has none yet. */
export async function ensureInvoice(scope: MedusaContainer, orderId: string): Promise<TaxDocumentRow> {
  const { result } = await issueInvoiceWorkflow(scope).run({ input: { order_id: orderId } })
  return result.document
}

const LOCAL_LINK_SECONDS = 300

const unavailableMessage = (doc: TaxDocumentRow, reason: string) =>
  `${doc.type === "invoice" ? "Invoice" : "Credit note"} ${doc.number} is issued, but its PDF cannot be fetched now: ${reason}. It is kept and will be stored as soon as the file storage answers; try again shortly.`

/**
 * Answers with a document: its PDF (stored first if it was not yet), its
 * record and body, or a short-lived URL: a presigned S3 URL
 * (S3_DOWNLOAD_URL_SECONDS) or, on the local provider, a signed link of ours.
 * File storage that cannot be reached answers 503 with what happened; the
 * document itself is never lost.
 */
export async function respondWithDocument(req: MedusaRequest, res: MedusaResponse, document: TaxDocumentRow, format: DocumentQueryType["format"]) {
  if (format === "json") {
    res.json({ tax_document: presentDocument(document, true) })
    return
  }
  let doc = document
  if (!doc.file_id) {
    const { result } = await storeTaxDocumentFileWorkflow(req.scope).run({ input: { document_id: doc.id } })
    doc = result
    if (!doc.file_id) {
      res.status(503).json({ type: "unavailable", message: unavailableMessage(doc, doc.file_error ?? "the file storage did not answer") })
      return
    }
  }
  const files = req.scope.resolve(Modules.FILE)
  if (format === "url") {
    const settings = fileSettings()
    if (settings.provider === "s3") {
      const { url } = await files.retrieveFile(doc.file_id!)
      res.json({ url, expires_in: settings.download_url_seconds })
      return
    }
    const path = `/documents/tax-documents/${doc.id}`
    res.json({ url: `${publicBaseUrl()}${signedPath(documentLinkKey(req.scope), path, LOCAL_LINK_SECONDS)}`, expires_in: LOCAL_LINK_SECONDS })
    return
  }
  await sendPrivateFile(req, res, { file_id: doc.file_id!, content_type: "application/pdf", filename: documentFileName(doc.number) }, (reason) => unavailableMessage(doc, reason))
}

/** A document by id, or 404. */
export async function documentOr404(scope: MedusaContainer, id: string): Promise<TaxDocumentRow> {
  const doc = await scope.resolve<InvoicingModuleService>(INVOICING_MODULE).getDocument({ id })
  if (!doc) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tax document with id "${id}" was not found`)
  }
  return doc
}
