/**
 * A stock transfer's delivery challan (docs/counter.md, "Stock transfers"): the sending branch and the receiving
 * one with their GST registrations, the carrier and every piece sent. Between states it carries each piece's IGST
 * (src/lib/stock-transfer.ts, challanKind); within a state the values are for information. Drawn by
 * src/lib/piece-document-pdf.ts from the stored transfer.
 */
import type { SellerParty } from "./invoice"
import { renderPieceDocumentPdf, type DocumentPiece } from "./piece-document-pdf"

export type DeliveryChallanDocument = {
  number: string
  dispatched_at: Date | string
  kind: "inter_state" | "intra_state"
  from: SellerParty
  to: SellerParty
  carrier: string | null
  note: string | null
  pieces: DocumentPiece[]
}

const party = (p: SellerParty) => [p.branch_name, ...p.address_lines, p.gstin ? `GSTIN ${p.gstin}` : "", p.state_name ? `State ${p.state_name} (${p.state_code})` : ""]

export function renderDeliveryChallanPdf(challan: DeliveryChallanDocument): Promise<Buffer> {
  const interState = challan.kind === "inter_state"
  return renderPieceDocumentPdf({
    title: interState ? "DELIVERY CHALLAN – INTER-STATE STOCK TRANSFER" : "DELIVERY CHALLAN – STOCK TRANSFER",
    number: challan.number,
    dated: challan.dispatched_at,
    shop_name: challan.from.shop_name,
    parties: [
      { heading: "From (consignor)", lines: party(challan.from) },
      { heading: "To (consignee)", lines: party(challan.to) },
    ],
    details: [`Carrier: ${challan.carrier ?? "—"}`],
    pieces: challan.pieces,
    igst: interState,
    note: challan.note,
    closing: interState
      ? "Transfer of stock between registrations of one business in different states, valued at the price of the day it was sent, with the IGST shown."
      : "Goods moved between branches of one registration for sale there, not a supply (CGST Rules, rule 55); values for information.",
    signatures: [`Received at ${challan.to.branch_name}`, `For ${challan.from.shop_name}, ${challan.from.branch_name}`],
  })
}
