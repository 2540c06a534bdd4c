/**
 * Draws a stock transfer's delivery challan as a PDF with pdfkit: A4 portrait, the sending branch and the
 * receiving one with their GST registrations, the carrier, one row per piece (tag, HUID, description, HSN,
 * net weight, quantity, value) and the totals. Between states it carries each piece's IGST (src/lib/stock-
 * transfer.ts, challanKind); within a state the values are for information. Only draws: every figure comes
 * from the stored transfer.
 */
import PDFDocument from "pdfkit"
import { amountInWords } from "./amount-in-words"
import type { SellerParty } from "./invoice"
import { rupees } from "./invoice-pdf"
import { GST_RATES } from "./pricing"
import { transferTaxPaise } from "./stock-transfer"

export type ChallanPiece = {
  tag_code: string
  huid: string | null
  description: string | null
  hsn: string | null
  net_weight_mg: number | null
  quantity: number
  value_paise: number | null
}

export type DeliveryChallanDocument = {
  number: string
  dispatched_at: Date | string
  kind: "inter_state" | "intra_state"
  from: SellerParty
  to: SellerParty
  carrier: string | null
  note: string | null
  pieces: ChallanPiece[]
}

const MARGIN = 36
const FONT = "Helvetica"
const BOLD = "Helvetica-Bold"
const grams = (mg: number | null) => (mg === null ? "" : (mg / 1000).toFixed(3))

/** A piece's IGST on an inter-state challan at its HSN's rate (jewellery's 3 % when the HSN is not listed). */
export function challanTaxPaise(piece: ChallanPiece): number {
  return piece.value_paise === null ? 0 : transferTaxPaise(piece.value_paise, GST_RATES[piece.hsn ?? ""] ?? GST_RATES["7113"])
}

export function renderDeliveryChallanPdf(challan: DeliveryChallanDocument): Promise<Buffer> {
  const interState = challan.kind === "inter_state"
  const title = interState ? "DELIVERY CHALLAN – INTER-STATE STOCK TRANSFER" : "DELIVERY CHALLAN – STOCK TRANSFER"
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, info: { Title: `${title} ${challan.number}`, Author: challan.from.shop_name } })
  const chunks: Buffer[] = []
  doc.on("data", (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    doc.on("error", reject)
  })
  const left = MARGIN
  const right = doc.page.width - MARGIN
  const width = right - left
  const party = (p: SellerParty) => [p.branch_name, ...p.address_lines, p.gstin ? `GSTIN ${p.gstin}` : "", p.state_name ? `State ${p.state_name} (${p.state_code})` : ""].filter(Boolean).join("\n")

  doc.font(BOLD).fontSize(14).text(challan.from.shop_name, left, MARGIN, { width: width / 2 })
  doc.font(BOLD).fontSize(10.5).text(title, left + width / 2, MARGIN, { width: width / 2, align: "right" })
  const sent = new Date(challan.dispatched_at).toLocaleString("en-IN", { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Kolkata" })
  doc.font(FONT).fontSize(8.5).text(`Challan no. ${challan.number}\n${sent}`, { width: width / 2, align: "right" })
  let y = doc.y + 10
  doc.moveTo(left, y).lineTo(right, y).lineWidth(0.5).stroke()
  y += 6
  doc.font(BOLD).fontSize(8.5).text("From (consignor)", left, y, { width: width / 2 - 6 })
  doc.font(FONT).text(party(challan.from), { width: width / 2 - 6 })
  const fromBottom = doc.y
  doc.font(BOLD).text("To (consignee)", left + width / 2, y, { width: width / 2 })
  doc.font(FONT).text(party(challan.to), { width: width / 2 })
  y = Math.max(fromBottom, doc.y) + 8
  doc.text(`Carrier: ${challan.carrier ?? "—"}`, left, y, { width })
  y = doc.y + 8

  const cols: { title: string; width: number; cell: (p: ChallanPiece) => string; align?: "right" }[] = [
    { title: "Tag / HUID", width: 92, cell: (p) => `${p.tag_code}${p.huid ? `\n${p.huid}` : ""}` },
    { title: "Description", width: 0, cell: (p) => p.description ?? "" },
    { title: "HSN", width: 36, cell: (p) => p.hsn ?? "" },
    { title: "Net g", width: 46, align: "right", cell: (p) => grams(p.net_weight_mg) },
    { title: "Qty", width: 28, align: "right", cell: (p) => String(p.quantity) },
    { title: "Value", width: 70, align: "right", cell: (p) => (p.value_paise === null ? "—" : rupees(p.value_paise)) },
    ...(interState ? [{ title: "IGST", width: 58, align: "right" as const, cell: (p: ChallanPiece) => rupees(challanTaxPaise(p)) }] : []),
  ]
  cols[1].width = width - cols.reduce((s, c) => s + c.width, 0)
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? BOLD : FONT).fontSize(8)
    const height = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: cols[i].width - 4 })))
    if (y + height > doc.page.height - MARGIN - 90) {
      doc.addPage()
      y = MARGIN
    }
    let x = left
    cells.forEach((text, i) => {
      doc.text(text, x + 2, y, { width: cols[i].width - 4, align: cols[i].align ?? "left" })
      x += cols[i].width
    })
    y += height + 4
    doc.moveTo(left, y - 2).lineTo(right, y - 2).lineWidth(0.3).stroke()
  }
  row(cols.map((c) => c.title), true)
  for (const piece of challan.pieces) {
    row(cols.map((c) => c.cell(piece)), false)
  }
  const value = challan.pieces.reduce((s, p) => s + (p.value_paise ?? 0), 0)
  const tax = interState ? challan.pieces.reduce((s, p) => s + challanTaxPaise(p), 0) : 0
  const weight = challan.pieces.reduce((s, p) => s + (p.net_weight_mg ?? 0) * p.quantity, 0)
  const quantity = challan.pieces.reduce((s, p) => s + p.quantity, 0)
  y += 6
  doc.font(BOLD).fontSize(9.5).text(`${quantity} pieces, ${grams(weight)} g net   Value Rs. ${rupees(value)}${interState ? `   IGST Rs. ${rupees(tax)}` : ""}`, left, y, { width, align: "right" })
  doc.font(FONT).fontSize(8.5).text(amountInWords(value + tax), { width, align: "right" })
  if (challan.note) {
    doc.moveDown(0.5).text(`Note: ${challan.note}`, left, doc.y, { width })
  }
  doc
    .moveDown(0.5)
    .fontSize(7.5)
    .text(
      interState
        ? "Transfer of stock between registrations of one business in different states, valued at the price of the day it was sent, with the IGST shown."
        : "Goods moved between branches of one registration for sale there, not a supply (CGST Rules, rule 55); values for information.",
      left,
      doc.y,
      { width }
    )
  const signY = Math.max(doc.y + 50, doc.page.height - MARGIN - 60)
  doc.fontSize(8.5)
  doc.moveTo(left, signY).lineTo(left + 180, signY).stroke()
  doc.text(`Received at ${challan.to.branch_name}`, left, signY + 4, { width: 180 })
  doc.moveTo(right - 180, signY).lineTo(right, signY).stroke()
  doc.text(`For ${challan.from.shop_name}, ${challan.from.branch_name}`, right - 180, signY + 4, { width: 180, align: "right" })
  doc.end()
  return done
}
