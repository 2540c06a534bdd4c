import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INVOICING_MODULE } from "../../../modules/invoicing"
import type InvoicingModuleService from "../../../modules/invoicing/service"
import type { TaxDocumentRow } from "../../../modules/invoicing/service"
import type { PreparedDocument } from "./prepare-invoice"

/**
 * Gives the document its number and stores it, in one transaction under the
 * series' lock (InvoicingModuleService.issueDocument); a document issued
 * before is returned as it is. Compensation withdraws a document issued here,
 * returning its number to the series when no later one was issued.
 */
export const issueTaxDocumentStep = createStep(
  "issue-tax-document",
  async (prepared: PreparedDocument, { container }) => {
    const invoicing: InvoicingModuleService = container.resolve(INVOICING_MODULE)
    if (prepared.existing_id) {
      const document = (await invoicing.getDocument({ id: prepared.existing_id }))!
      return new StepResponse({ document, created: false }, null)
    }
    const { document, created } = await invoicing.issueDocument(prepared.issue!)
    return new StepResponse<{ document: TaxDocumentRow; created: boolean }, string | null>({ document, created }, created ? document.id : null)
  },
  async (issuedId, { container }) => {
    if (issuedId) {
      await container.resolve<InvoicingModuleService>(INVOICING_MODULE).withdrawDocument(issuedId)
    }
  }
)
