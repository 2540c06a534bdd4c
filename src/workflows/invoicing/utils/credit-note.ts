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
 * The invoice that billed the returned lines: the order's own, or an
 * exchange's for pieces taken in it. A credit note corrects one invoice, so
 * pieces billed on two are returned separately.
 */
function invoiceOfLines(returnId: string, invoices: TaxDocumentRow[], itemIds: string[]): TaxDocumentRow {
  const billing = (itemId: string) => invoices.find((d) => d.body.lines.some((l) => l.item_id === itemId))
  const found = [...new Set(itemIds.map(billing))]
  if (found.length > 1 && found.every(Boolean)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `The pieces of return ${returnId} were billed on different invoices (${found.map((d) => d!.number).join(", ")}); a credit note corrects one invoice, so take them back in one return each`
    )
  }
  // A line on no invoice falls to the order's own, whose credit note then names the line it does not hold.
  return found.find(Boolean) ?? invoices.find((d) => !d.exchange_id) ?? invoices[0]
}

/**
 * What the credit note for a received return says: the order invoice's own
 * lines for the pieces that came back (src/lib/invoice buildCreditNote),
 * after what earlier credit notes of the order took back. `documents` are
 * the order's tax documents; throws when the order has no invoice or
 * nothing came back yet.
 */
export function creditNoteFor(ret: ReturnRow, documents: TaxDocumentRow[], reason?: string | null): IssueDocumentInput {
  const invoices = documents.filter((d) => d.type === "invoice")
  if (!invoices.length) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The order of return ${ret.id} has no invoice yet; issue it before its credit note`)
  }
  const returned = (ret.items ?? [])
    .map((i) => ({ item_id: i.item_id, quantity: Number(i.received_quantity ?? 0) }))
    .filter((i) => i.quantity > 0)
  if (!returned.length) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Return ${ret.id} has no pieces received yet; a credit note is issued for what came back`)
  }
  const invoice = invoiceOfLines(ret.id, invoices, returned.map((r) => r.item_id))
  const alreadyCredited: Record<string, number> = {}
  for (const note of documents.filter((d) => d.type === "credit_note" && d.against_id === invoice.id)) {
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
