/**
 * An approval memo to print and sign (docs/counter.md, "Approval memos"): the shop at its branch, the customer,
 * when the pieces are due back and every piece with its value when given, with the terms the customer signs.
 * Drawn by src/lib/piece-document-pdf.ts from the stored memo.
 */
import type { SellerParty } from "./invoice"
import { renderPieceDocumentPdf, type DocumentPiece } from "./piece-document-pdf"

export type ApprovalMemoDocument = {
  number: string
  issued_at: Date | string
  due_at: Date | string
  shop: SellerParty
  customer: { name: string; phone: string | null }
  note: string | null
  pieces: DocumentPiece[]
}

export function renderApprovalMemoPdf(memo: ApprovalMemoDocument): Promise<Buffer> {
  const due = new Date(memo.due_at).toLocaleString("en-IN", { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Kolkata" })
  return renderPieceDocumentPdf({
    title: "APPROVAL MEMO",
    number: memo.number,
    dated: memo.issued_at,
    shop_name: memo.shop.shop_name,
    parties: [
      { heading: "Given by", lines: [memo.shop.branch_name, ...memo.shop.address_lines, memo.shop.gstin ? `GSTIN ${memo.shop.gstin}` : "", memo.shop.phone ? `Phone ${memo.shop.phone}` : ""] },
      { heading: "Taken on approval by", lines: [memo.customer.name, memo.customer.phone ? `Phone ${memo.customer.phone}` : ""] },
    ],
    details: [`Due back by: ${due}`],
    pieces: memo.pieces,
    igst: false,
    note: memo.note,
    closing:
      "The pieces above are taken on approval, not sold: they remain the property of the shop until bought and paid for, and are to be returned in the " +
      "condition received by the date above. The values are the pieces' prices on the day given, before GST; a piece bought is billed at the price of the day it is bought.",
    signatures: ["Customer's signature", `For ${memo.shop.shop_name}, ${memo.shop.branch_name}`],
  })
}
