import { MedusaError } from "@medusajs/framework/utils"
import { buildCreditNote } from "../../../lib/invoice"
import type { IssueDocumentInput, TaxDocumentRow } from "../../../modules/invoicing/service"

export type ReturnRow = {
  id: string
  order_id: string
  status: string
  items?: { item_id: string; quantity: number; received_quantity?: number | null; reason?: { label: string } | null; note?: string | null }[]
}

/** What a credit note reads of a Medusa return. */
export const RETURN_FIELDS = ["id", "order_id", "status", "items.item_id", "items.quantity", "items.received_quantity", "items.note", "items.reason.label"]

/**
 * What the credit note for a received return says: the order invoice's own
 * lines for the pieces that came back (src/lib/invoice buildCreditNote),
 * after what earlier credit notes of the order took back. `documents` are
 * the order's tax documents; throws when the order has no invoice or
 * nothing came back yet.
 */
export function creditNoteFor(ret: ReturnRow, documents: TaxDocumentRow[], reason?: string | null): IssueDocumentInput {
  const invoice = documents.find((d) => d.type === "invoice")
  if (!invoice) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The order of return ${ret.id} has no invoice yet; issue it before its credit note`)
  }
  const returned = (ret.items ?? [])
    .map((i) => ({ item_id: i.item_id, quantity: Number(i.received_quantity ?? 0) }))
    .filter((i) => i.quantity > 0)
  if (!returned.length) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Return ${ret.id} has no pieces received yet; a credit note is issued for what came back`)
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
    return_id: ret.id,
    reason: reasons.length ? [...new Set(reasons)].join("; ") : "Pieces returned",
  })
  return {
    type: "credit_note",
    branch_id: invoice.branch_id,
    branch_code: invoice.branch_code,
    order_id: invoice.order_id,
    return_id: ret.id,
    against_id: invoice.id,
    customer_id: invoice.customer_id,
    body,
  }
}
