/**
 * The A5 slip the workshop's documents share (the job card, the receipt and refund vouchers of its advances): the
 * shop at its branch, the document's title and number with a line under it, then labelled rows. Only draws.
 */
import PDFDocument from "pdfkit"
import type { SellerParty } from "./invoice"
import { pdfBytes } from "./pdf-bytes"

export const SLIP_MARGIN = 30
export const SLIP_FONT = "Helvetica"
export const SLIP_BOLD = "Helvetica-Bold"

/** A day as the slips print it: "6 December 2026" (India). */
export const slipDay = (at: Date | string) => new Date(at).toLocaleDateString("en-IN", { dateStyle: "long", timeZone: "Asia/Kolkata" })

/**
 * Starts a slip: the document, the promise of its bytes (awaited after `doc.end()`), its left edge and width, and
 * `row(label, value)` for the labelled lines. The shop's GSTIN is printed when `gstin` is asked for.
 */
export function openSlip({ shop, title, subtitle, gstin = false }: { shop: SellerParty; title: string; subtitle: string; gstin?: boolean }) {
  const doc = new PDFDocument({ size: "A5", margin: SLIP_MARGIN, info: { Title: title, Author: shop.shop_name } })
  const done = pdfBytes(doc)
  const left = SLIP_MARGIN
  const width = doc.page.width - 2 * SLIP_MARGIN
  doc.font(SLIP_BOLD).fontSize(13).text(shop.shop_name, left, SLIP_MARGIN, { width })
  doc
    .font(SLIP_FONT)
    .fontSize(8)
    .text([shop.branch_name, ...shop.address_lines, gstin ? `GSTIN ${shop.gstin ?? "—"}` : "", shop.phone ? `Phone ${shop.phone}` : ""].filter(Boolean).join("\n"), { width })
  doc.moveDown(0.6).font(SLIP_BOLD).fontSize(10.5).text(title, { width })
  doc.font(SLIP_FONT).fontSize(8.5).text(subtitle, { width })
  doc.moveDown(0.6)
  const row = (label: string, value: string) => {
    const y = doc.y
    doc.font(SLIP_BOLD).fontSize(8.5).text(label, left, y, { width: 120 })
    const labelBottom = doc.y
    doc.font(SLIP_FONT).text(value, left + 124, y, { width: width - 124 })
    doc.y = Math.max(labelBottom, doc.y) + 2
  }
  return { doc, done, left, width, row }
}
