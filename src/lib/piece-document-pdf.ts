/**
 * Draws a document that lists pieces by tag — a transfer's delivery challan, an approval memo — as a PDF with
 * pdfkit: A4 portrait, the title and number, two parties side by side, a few details, one row per piece (tag and
 * HUID, description, HSN, net weight, quantity, value, and IGST when it applies), the totals in figures and
 * words, a closing line and two signatures. Only draws: every figure comes from the caller.
 */
import PDFDocument from "pdfkit"
import { pdfBytes } from "./pdf-bytes"
import { amountInWords } from "./amount-in-words"
import { rupees } from "./invoice-pdf"
import { GST_RATES } from "./pricing"
import { transferTaxPaise } from "./stock-transfer"

export type DocumentPiece = {
  tag_code: string
  huid: string | null
  description: string | null
  hsn: string | null
  net_weight_mg: number | null
  quantity: number
  value_paise: number | null
}

export type PieceDocument = {
  title: string
  number: string
  dated: Date | string
  shop_name: string
  /** Two parties side by side: a heading and its lines. */
  parties: [{ heading: string; lines: string[] }, { heading: string; lines: string[] }]
  /** Lines under the parties ("Carrier: …", "Due back: …"). */
  details: string[]
  pieces: DocumentPiece[]
  /** Each piece's IGST in a column of its own and in the totals. */
  igst: boolean
  note: string | null
  /** The small print above the signatures. */
  closing: string
  signatures: [string, string]
}

const MARGIN = 36
const FONT = "Helvetica"
const BOLD = "Helvetica-Bold"
const grams = (mg: number | null) => (mg === null ? "" : (mg / 1000).toFixed(3))

/** A piece's IGST at its HSN's rate (jewellery's 3 % when the HSN is not listed). */
export function pieceTaxPaise(piece: DocumentPiece): number {
  return piece.value_paise === null ? 0 : transferTaxPaise(piece.value_paise, GST_RATES[piece.hsn ?? ""] ?? GST_RATES["7113"])
}

export function renderPieceDocumentPdf(input: PieceDocument): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, info: { Title: `${input.title} ${input.number}`, Author: input.shop_name } })
  const done = pdfBytes(doc)
  const left = MARGIN
  const right = doc.page.width - MARGIN
  const width = right - left

  doc.font(BOLD).fontSize(14).text(input.shop_name, left, MARGIN, { width: width / 2 })
  doc.font(BOLD).fontSize(10.5).text(input.title, left + width / 2, MARGIN, { width: width / 2, align: "right" })
  const dated = new Date(input.dated).toLocaleString("en-IN", { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Kolkata" })
  doc.font(FONT).fontSize(8.5).text(`No. ${input.number}\n${dated}`, { width: width / 2, align: "right" })
  let y = doc.y + 10
  doc.moveTo(left, y).lineTo(right, y).lineWidth(0.5).stroke()
  y += 6
  const [first, second] = input.parties
  doc.font(BOLD).fontSize(8.5).text(first.heading, left, y, { width: width / 2 - 6 })
  doc.font(FONT).text(first.lines.filter(Boolean).join("\n"), { width: width / 2 - 6 })
  const firstBottom = doc.y
  doc.font(BOLD).text(second.heading, left + width / 2, y, { width: width / 2 })
  doc.font(FONT).text(second.lines.filter(Boolean).join("\n"), { width: width / 2 })
  y = Math.max(firstBottom, doc.y) + 8
  if (input.details.length) {
    doc.text(input.details.join("\n"), left, y, { width })
    y = doc.y + 8
  }

  const cols: { title: string; width: number; cell: (p: DocumentPiece) => string; align?: "right" }[] = [
    { title: "Tag / HUID", width: 92, cell: (p) => `${p.tag_code}${p.huid ? `\n${p.huid}` : ""}` },
    { title: "Description", width: 0, cell: (p) => p.description ?? "" },
    { title: "HSN", width: 36, cell: (p) => p.hsn ?? "" },
    { title: "Net g", width: 46, align: "right", cell: (p) => grams(p.net_weight_mg) },
    { title: "Qty", width: 28, align: "right", cell: (p) => String(p.quantity) },
    { title: "Value", width: 70, align: "right", cell: (p) => (p.value_paise === null ? "—" : rupees(p.value_paise)) },
    ...(input.igst ? [{ title: "IGST", width: 58, align: "right" as const, cell: (p: DocumentPiece) => rupees(pieceTaxPaise(p)) }] : []),
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
  for (const piece of input.pieces) {
    row(cols.map((c) => c.cell(piece)), false)
  }
  const value = input.pieces.reduce((s, p) => s + (p.value_paise ?? 0), 0)
  const tax = input.igst ? input.pieces.reduce((s, p) => s + pieceTaxPaise(p), 0) : 0
  const weight = input.pieces.reduce((s, p) => s + (p.net_weight_mg ?? 0) * p.quantity, 0)
  const quantity = input.pieces.reduce((s, p) => s + p.quantity, 0)
  y += 6
  doc.font(BOLD).fontSize(9.5).text(`${quantity} pieces, ${grams(weight)} g net   Value Rs. ${rupees(value)}${input.igst ? `   IGST Rs. ${rupees(tax)}` : ""}`, left, y, { width, align: "right" })
  doc.font(FONT).fontSize(8.5).text(amountInWords(value + tax), { width, align: "right" })
  if (input.note) {
    doc.moveDown(0.5).text(`Note: ${input.note}`, left, doc.y, { width })
  }
  doc.moveDown(0.5).fontSize(7.5).text(input.closing, left, doc.y, { width })
  const signY = Math.max(doc.y + 50, doc.page.height - MARGIN - 60)
  doc.fontSize(8.5)
  doc.moveTo(left, signY).lineTo(left + 180, signY).stroke()
  doc.text(input.signatures[0], left, signY + 4, { width: 180 })
  doc.moveTo(right - 180, signY).lineTo(right, signY).stroke()
  doc.text(input.signatures[1], right - 180, signY + 4, { width: 180, align: "right" })
  doc.end()
  return done
}
