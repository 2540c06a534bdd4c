/**
 * Draws tag labels as a PDF with pdfkit: each piece's barcode (Code 128 or
 * QR of its tag code, drawn by bwip-js) with the tag code under it and the
 * label's lines beside, on a roll (a page a label, the label's own size, as
 * thermal label printers take them) or on a sheet. Only draws: what a label
 * says comes from tag-labels.ts.
 */
import bwipjs from "bwip-js"
import PDFDocument from "pdfkit"
import { pdfBytes } from "./pdf-bytes"
import { BARBELL_WINGS, labelLines, labelPlacements, type LabelPiece, type LabelStock } from "./tag-labels"

export type BarcodeKind = "code128" | "qr"

const MM = 72 / 25.4
const FONT = "Helvetica"
const BOLD = "Helvetica-Bold"

function barcodePng(kind: BarcodeKind, text: string): Promise<Buffer> {
  // QR at error correction M (15 %): a label rubbed at the counter still reads. BWIPP's eclevel is not in bwip-js's types.
  const options: bwipjs.RenderOptions =
    kind === "qr" ? ({ bcid: "qrcode", text, scale: 4, eclevel: "M" } as bwipjs.RenderOptions) : { bcid: "code128", text, scale: 3, height: 8, includetext: false }
  return bwipjs.toBuffer(options)
}

type Box = { x: number; y: number; width: number; height: number }

/** The barcode in the box's left part (QR) or top (Code 128), the tag code under it, the lines in what is left. */
function drawLabel(doc: PDFKit.PDFDocument, box: Box, piece: LabelPiece, lines: string[], png: Buffer, kind: BarcodeKind) {
  const pad = 1 * MM
  if (kind === "qr") {
    const side = Math.min(box.height - 2 * pad, box.width * 0.45)
    doc.image(png, box.x + pad, box.y + pad, { width: side, height: side })
    const textX = box.x + 2 * pad + side
    const textWidth = box.x + box.width - pad - textX
    const size = Math.min(7, (box.height - 2 * pad) / (lines.length + 1) / 1.15, fittingSize(doc, lines, textWidth), fittingSize(doc, [piece.tag_code], textWidth, BOLD))
    doc.font(BOLD).fontSize(size).text(piece.tag_code, textX, box.y + pad, { width: textWidth + 1, lineBreak: false })
    doc.font(FONT)
    lines.forEach((line, i) => doc.text(line, textX, box.y + pad + (i + 1) * size * 1.15, { width: textWidth + 1, lineBreak: false }))
    return
  }
  const codeHeight = Math.min(box.height * 0.45, 9 * MM)
  doc.image(png, box.x + pad, box.y + pad, { width: box.width - 2 * pad, height: codeHeight })
  // Two columns of lines under the tag code, in the largest type (up to 7 pt) in which every line fits its column.
  const half = (box.width - 2 * pad) / 2
  const size = Math.min(7, (box.height - codeHeight - 2 * pad) / (Math.ceil(lines.length / 2) + 1) / 1.15, fittingSize(doc, lines, half - 1), fittingSize(doc, [piece.tag_code], box.width - 2 * pad, BOLD))
  let y = box.y + pad + codeHeight + 0.5
  doc.font(BOLD).fontSize(size).text(piece.tag_code, box.x + pad, y, { width: box.width - 2 * pad, align: "center", lineBreak: false })
  y += size * 1.15
  doc.font(FONT).fontSize(size)
  lines.forEach((line, i) => doc.text(line, box.x + pad + (i % 2) * half, y + Math.floor(i / 2) * size * 1.15, { width: half, lineBreak: false }))
}

/** The type size at which the widest line is `width` wide. */
function fittingSize(doc: PDFKit.PDFDocument, lines: string[], width: number, font = FONT): number {
  doc.font(font).fontSize(10)
  const widest = Math.max(1, ...lines.map((line) => doc.widthOfString(line)))
  return (10 * width) / widest
}

/** A barbell tag: the barcode and tag code on the left wing, the lines on the right one. */
function drawBarbell(doc: PDFKit.PDFDocument, origin: { x: number; y: number }, height: number, piece: LabelPiece, lines: string[], png: Buffer, kind: BarcodeKind) {
  const left = { x: origin.x + BARBELL_WINGS.left.x * MM, y: origin.y, width: BARBELL_WINGS.left.width * MM, height }
  const right = { x: origin.x + BARBELL_WINGS.right.x * MM, y: origin.y, width: BARBELL_WINGS.right.width * MM, height }
  drawLabel(doc, left, piece, [], png, kind)
  const size = Math.min(6.5, (height - 2) / lines.length / 1.1, fittingSize(doc, lines, right.width))
  doc.font(FONT).fontSize(size)
  lines.forEach((line, i) => doc.text(line, right.x, right.y + 1 + i * size * 1.1, { width: right.width + 1, lineBreak: false }))
}

/** The labels of `pieces` (each `copies` times, in order) on `stock`, as PDF bytes. */
export async function drawTagLabels(
  pieces: LabelPiece[],
  { stock, barcode, copies = 1, price = false, skip = 0 }: { stock: LabelStock; barcode: BarcodeKind; copies?: number; price?: boolean; skip?: number }
): Promise<Buffer> {
  const labels = pieces.flatMap((p) => Array.from({ length: copies }, () => p))
  const codes = new Map<string, Buffer>()
  for (const p of pieces) {
    if (!codes.has(p.tag_code)) {
      codes.set(p.tag_code, await barcodePng(barcode, p.tag_code))
    }
  }
  const pageSize: [number, number] = stock.sheet
    ? [stock.sheet.page_width_mm * MM, stock.sheet.page_height_mm * MM]
    : [stock.width_mm * MM, stock.height_mm * MM]
  const doc = new PDFDocument({ size: pageSize, margin: 0, autoFirstPage: false, info: { Title: `Tag labels (${labels.length})`, Creator: "jewel-crm" } })
  const done = pdfBytes(doc)
  // One image object a barcode, however many labels carry it (pdfkit embeds a Buffer anew on every draw); the types leave openImage out.
  const images = new Map([...codes].map(([tag, png]) => [tag, (doc as unknown as { openImage(src: Buffer): Buffer }).openImage(png)]))
  let page = -1
  labelPlacements(stock, labels.length, skip).forEach((at, i) => {
    while (page < at.page) {
      doc.addPage({ size: pageSize, margin: 0 })
      page += 1
    }
    const piece = labels[i]
    const lines = labelLines(piece, { price })
    const origin = { x: at.x_mm * MM, y: at.y_mm * MM }
    const png = images.get(piece.tag_code)!
    if (stock.shape === "barbell") {
      drawBarbell(doc, origin, stock.height_mm * MM, piece, lines, png, barcode)
    } else {
      drawLabel(doc, { ...origin, width: stock.width_mm * MM, height: stock.height_mm * MM }, piece, lines, png, barcode)
    }
  })
  doc.end()
  return done
}
