import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { buildCreditNote } from "../../../lib/invoice"
import { INVOICING_MODULE } from "../../../modules/invoicing"
import type InvoicingModuleService from "../../../modules/invoicing/service"
import type { PreparedDocument } from "./prepare-invoice"

type ReturnRow = {
  id: string
  order_id: string
  status: string
  items?: { item_id: string; quantity: number; received_quantity?: number | null; reason?: { label: string } | null; note?: string | null }[]
}

/**
 * What the credit note for a received return says: the order invoice's own
 * lines for the pieces that came back (src/lib/invoice buildCreditNote),
 * after those earlier credit notes took back. Reads only.
 */
export const prepareCreditNoteStep = createStep(
  "prepare-credit-note",
  async ({ return_id, reason }: { return_id: string; reason?: string | null }, { container }) => {
    const invoicing: InvoicingModuleService = container.resolve(INVOICING_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "return",
      fields: ["id", "order_id", "status", "items.item_id", "items.quantity", "items.received_quantity", "items.note", "items.reason.label"],
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
    const invoice = documents.find((d) => d.type === "invoice")
    if (!invoice) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The order of return ${return_id} has no invoice yet; issue it before its credit note`)
    }
    const returned = (ret.items ?? [])
      .map((i) => ({ item_id: i.item_id, quantity: Number(i.received_quantity ?? 0) }))
      .filter((i) => i.quantity > 0)
    if (!returned.length) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Return ${return_id} has no pieces received yet; a credit note is issued for what came back`)
    }
    const alreadyCredited: Record<string, number> = {}
    for (const note of documents.filter((d) => d.type === "credit_note")) {
      for (const line of note.body.lines) {
        alreadyCredited[line.item_id] = (alreadyCredited[line.item_id] ?? 0) + 1
      }
    }
    const reasons = [reason, ...(ret.items ?? []).map((i) => i.reason?.label ?? i.note)].filter((r): r is string => !!r && !!r.trim())
    const body = buildCreditNote({
      invoice: { ...invoice.body, number: invoice.number, issued_at: new Date(invoice.issued_at).toISOString() },
      returned,
      already_credited: alreadyCredited,
      return_id,
      reason: reasons.length ? [...new Set(reasons)].join("; ") : "Pieces returned",
    })
    return new StepResponse<PreparedDocument>({
      existing_id: null,
      issue: {
        type: "credit_note",
        branch_id: invoice.branch_id,
        branch_code: invoice.branch_code,
        order_id: invoice.order_id,
        return_id,
        against_id: invoice.id,
        customer_id: invoice.customer_id,
        body,
      },
    })
  }
)
