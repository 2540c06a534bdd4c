import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INVOICING_MODULE } from "../../../modules/invoicing"
import type InvoicingModuleService from "../../../modules/invoicing/service"
import { creditNoteFor, RETURN_FIELDS, type ReturnRow } from "../utils/credit-note"
import type { PreparedDocument } from "./prepare-invoice"

/** What the credit note for a received return says (utils/credit-note), or the one it has. Reads only. */
export const prepareCreditNoteStep = createStep(
  "prepare-credit-note",
  async ({ return_id, reason }: { return_id: string; reason?: string | null }, { container }) => {
    const invoicing: InvoicingModuleService = container.resolve(INVOICING_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "return",
      fields: RETURN_FIELDS,
      filters: { id: return_id },
    })
    const ret = data[0] as unknown as ReturnRow | undefined
    if (!ret) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Return with id "${return_id}" was not found`)
    }
    const documents = await invoicing.listOrderDocuments([ret.order_id])
    const earlier = documents.find((d) => d.type === "credit_note" && d.return_id === return_id)
    if (earlier) {
      return new StepResponse<PreparedDocument>({ existing_id: earlier.id, issue: null })
    }
    return new StepResponse<PreparedDocument>({ existing_id: null, issue: creditNoteFor(ret, documents, reason) })
  }
)
