import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { renderTaxDocumentPdf } from "../../../lib/invoice-pdf"
import { retryDelayMs } from "../../../lib/messaging"
import { documentFileName } from "../../../lib/tax-documents"
import { INVOICING_MODULE } from "../../../modules/invoicing"
import type InvoicingModuleService from "../../../modules/invoicing/service"
import type { TaxDocumentRow } from "../../../modules/invoicing/service"

type FileState = Pick<TaxDocumentRow, "file_id" | "file_status" | "file_attempts" | "file_error" | "next_attempt_at">
type Undo = { id: string; file_id: string | null; before: FileState } | null

/**
 * Draws the document's PDF and stores it in the file module as a private
 * file. Storage that fails (S3 unreachable) does not fail the workflow: the
 * document keeps its number, the error and the time of the next try are
 * recorded, and the retry job stores it later. With `replace`, a stored PDF
 * is drawn and stored again (the old file is removed once the new one is in).
 * Compensation removes the file stored here and puts the record back.
 */
export const storeTaxDocumentFileStep = createStep(
  "store-tax-document-file",
  async ({ document_id, replace = false }: { document_id: string; replace?: boolean }, { container }) => {
    const invoicing: InvoicingModuleService = container.resolve(INVOICING_MODULE)
    const doc = await invoicing.getDocument({ id: document_id })
    if (!doc) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tax document "${document_id}" was not found`)
    }
    const before: FileState = { file_id: doc.file_id, file_status: doc.file_status, file_attempts: doc.file_attempts, file_error: doc.file_error, next_attempt_at: doc.next_attempt_at }
    if (doc.file_id && !replace) {
      return new StepResponse<TaxDocumentRow, Undo>(doc, null)
    }
    const files = container.resolve(Modules.FILE)
    const attempts = doc.file_attempts + 1
    let fileId: string
    try {
      const pdf = await renderTaxDocumentPdf(doc.body)
      const stored = await files.createFiles({
        filename: documentFileName(doc.number),
        mimeType: "application/pdf",
        content: pdf.toString("base64"),
        access: "private",
      })
      fileId = stored.id
    } catch (e) {
      const error = `The PDF could not be stored: ${(e as Error).message || (e as Error).name}`
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(`${doc.number}: ${error}; it will be tried again`)
      await invoicing.updateTaxDocuments({ id: doc.id, file_status: "failed", file_attempts: attempts, file_error: error, next_attempt_at: new Date(Date.now() + retryDelayMs(attempts)) })
      return new StepResponse<TaxDocumentRow, Undo>({ ...doc, file_status: "failed", file_attempts: attempts, file_error: error }, { id: doc.id, file_id: null, before })
    }
    await invoicing.updateTaxDocuments({ id: doc.id, file_id: fileId, file_status: "stored", file_attempts: attempts, file_error: null, next_attempt_at: null })
    if (before.file_id) {
      await files.deleteFiles(before.file_id)
    }
    return new StepResponse<TaxDocumentRow, Undo>({ ...doc, file_id: fileId, file_status: "stored", file_attempts: attempts, file_error: null, next_attempt_at: null }, {
      id: doc.id,
      file_id: fileId,
      // A replaced file is gone by now: undone, the document is left without one, for the job to store again.
      before: before.file_id ? { ...before, file_id: null, file_status: "pending", next_attempt_at: new Date() } : before,
    })
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) {
      return
    }
    if (undo.file_id) {
      await container.resolve(Modules.FILE).deleteFiles(undo.file_id)
    }
    await container.resolve<InvoicingModuleService>(INVOICING_MODULE).updateTaxDocuments({ id: undo.id, ...undo.before })
  }
)
