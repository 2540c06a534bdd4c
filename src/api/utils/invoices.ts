import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { signedPath } from "../../lib/document-links"
import { fileSettings } from "../../lib/file-settings"
import { documentFileName, TAX_DOCUMENT_TYPES } from "../../lib/tax-documents"
import { INVOICING_MODULE } from "../../modules/invoicing"
import type InvoicingModuleService from "../../modules/invoicing/service"
import type { TaxDocumentRow } from "../../modules/invoicing/service"
import { issueInvoiceWorkflow, storeTaxDocumentFileWorkflow } from "../../workflows/invoicing"
import { sendPrivateFile } from "./files"
import { documentLinkKey, publicBaseUrl } from "../../workflows/invoicing"

export { documentLinkKey }

export const DocumentQuery = z
  .object({
    /** pdf: the file itself; json: the record and what it says; url: a short-lived link to the PDF. */
    format: z.enum(["pdf", "json", "url"]).default("pdf"),
  })
  .strict()
export type DocumentQueryType = z.infer<typeof DocumentQuery>

export const IssueInvoiceBody = z
  .object({
    /** Draw and store the PDF again (e.g. after a template change); the invoice itself never changes. */
    replace_file: z.boolean().default(false),
  })
  .strict()
export type IssueInvoiceBodyType = z.infer<typeof IssueInvoiceBody>

export const IssueCreditNoteBody = z
  .object({
    return_id: z.string().trim().min(1, "return_id is required"),
    reason: z.string().trim().max(500).optional(),
  })
  .strict()
export type IssueCreditNoteBodyType = z.infer<typeof IssueCreditNoteBody>

export const ListTaxDocumentsQuery = z
  .object({
    type: z.enum(TAX_DOCUMENT_TYPES).optional(),
    branch_code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{1,6}$/, "branch_code is a branch's code, e.g. MUM").optional(),
    financial_year: z.string().regex(/^\d{4}-\d{2}$/, "financial_year looks like 2026-27").optional(),
    /** A document number (or part of one), or an order id. */
    q: z.string().trim().min(1).max(60).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type ListTaxDocumentsQueryType = z.infer<typeof ListTaxDocumentsQuery>

export const SignedLinkQuery = z.object({ expires: z.string().max(20).optional(), signature: z.string().max(100).optional() }).strict()
export type SignedLinkQueryType = z.infer<typeof SignedLinkQuery>

/** A document as the API lists it (the body only with ?format=json on one document). */
export function presentDocument(doc: TaxDocumentRow, withBody = false) {
  return {
    id: doc.id,
    type: doc.type,
    number: doc.number,
    financial_year: doc.financial_year,
    branch_code: doc.branch_code,
    order_id: doc.order_id,
    return_id: doc.return_id,
    against_id: doc.against_id,
    customer_id: doc.customer_id,
    issued_at: doc.issued_at,
    grand_total: doc.grand_total_paise / 100,
    file: { status: doc.file_status, attempts: doc.file_attempts, error: doc.file_error, next_attempt_at: doc.file_id ? null : doc.next_attempt_at },
    ...(withBody ? { body: doc.body } : {}),
  }
}

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
