/**
 * Draws a counter estimate as a PDF with pdfkit, on A4 or on an 80 mm thermal roll: the pieces with today's
 * price breakdown (metal at the rate, wastage, making, stones, other charges, discount), GST, the old gold set
 * against it, what is left to pay, and the rates it holds for. Only draws: every figure comes from the estimate.
 */
import PDFDocument from "pdfkit"
import { pdfBytes } from "./pdf-bytes"
import type { SellerParty } from "./invoice"
import { rupees } from "./invoice-pdf"

export type EstimateLine = {
  tag_code: string
  title: string
  quantity: number
  purity: number | null
  net_weight_mg: number | null
  breakdown: { rate_per_g: number; metal_value: number; wastage_value: number; making_charge: number; stone_value: number; other_charges: number } | null
  discount_paise: number
  taxable_paise: number
}

export type EstimateDocument = {
  number: string
  created_at: Date | string
  seller: SellerParty
  customer: { name: string; phone: string | null }
  lines: EstimateLine[]
  taxable_paise: number
  gst_paise: number
  total_paise: number
  old_gold: { articles: { description: string; payable_fine_mg: number; value_paise: number }[]; total_paise: number } | null
  to_pay_paise: number
  rates: { metal: string; purity: number; rate_per_g_paise: number }[]
}

export type EstimateFormat = "a4" | "thermal"

const FONT = "Helvetica"
const BOLD = "Helvetica-Bold"
/** 80 mm roll: 226.77 pt wide; the page is as long as the estimate. */
const THERMAL_WIDTH = 226.77
const grams = (mg: number | null) => (mg === null ? "" : `${(mg / 1000).toFixed(3)} g`)

/** The rows of one piece: what it is, then each part of its price that is not zero. */
function pieceRows(line: EstimateLine): [string, string][] {
  const b = line.breakdown
  const parts: [string, number][] = b
    ? [
        [`Metal ${grams(line.net_weight_mg)} @ ${rupees(b.rate_per_g)}/g`, b.metal_value],
        ["Wastage", b.wastage_value],
        ["Making charges", b.making_charge],
        ["Stones", b.stone_value],
        ["Other charges", b.other_charges],
      ]
    : []
  return [
    ...parts.filter(([, v]) => v).map(([label, v]): [string, string] => [label, rupees(v * line.quantity)]),
    ...(line.discount_paise ? [["Discount", `-${rupees(line.discount_paise)}`] as [string, string]] : []),
    ["Value before GST", rupees(line.taxable_paise)],
  ]
}

export function renderEstimatePdf(estimate: EstimateDocument, format: EstimateFormat): Promise<Buffer> {
  const thermal = format === "thermal"
  const margin = thermal ? 8 : 40
  const rowsCount = estimate.lines.reduce((s, l) => s + 2 + pieceRows(l).length, 0) + (estimate.old_gold?.articles.length ?? 0) + estimate.rates.length
  const size: [number, number] | "A4" = thermal ? [THERMAL_WIDTH, 260 + rowsCount * 11] : "A4"
  const doc = new PDFDocument({ size, margin, info: { Title: `Estimate ${estimate.number}`, Author: estimate.seller.shop_name } })
  const done = pdfBytes(doc)
  const left = margin
  const width = doc.page.width - 2 * margin
  const small = thermal ? 7 : 9
  const pair = (label: string, value: string, bold = false) => {
    const y = doc.y
    doc.font(bold ? BOLD : FONT).fontSize(small).text(label, left, y, { width: width * 0.62 })
    const labelBottom = doc.y
    doc.text(value, left + width * 0.62, y, { width: width * 0.38, align: "right" })
    doc.y = Math.max(labelBottom, doc.y)
  }
  const rule = () => {
    doc.moveTo(left, doc.y + 2).lineTo(left + width, doc.y + 2).lineWidth(0.4).stroke()
    doc.y += 5
  }

  doc.font(BOLD).fontSize(thermal ? 10 : 15).text(estimate.seller.shop_name, left, margin, { width, align: thermal ? "center" : "left" })
  doc.font(FONT).fontSize(small).text([estimate.seller.branch_name, ...estimate.seller.address_lines].join(thermal ? ", " : "\n"), { width, align: thermal ? "center" : "left" })
  doc.moveDown(0.5)
  doc.font(BOLD).fontSize(thermal ? 9 : 12).text("ESTIMATE — NOT A TAX INVOICE", { width, align: "center" })
  const at = new Date(estimate.created_at).toLocaleString("en-IN", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Kolkata" })
  doc.font(FONT).fontSize(small).text(`No. ${estimate.number} · ${at}`, { width, align: "center" })
  doc.text(`For ${estimate.customer.name}${estimate.customer.phone ? ` · ${estimate.customer.phone}` : ""}`, { width, align: "center" })
  rule()

  estimate.lines.forEach((line, i) => {
    doc.font(BOLD).fontSize(small).text(`${i + 1}. ${line.title}${line.quantity > 1 ? ` × ${line.quantity}` : ""}`, left, doc.y, { width })
    doc.font(FONT).text([line.tag_code, line.purity ? `purity ${line.purity}` : ""].filter(Boolean).join(" · "), { width })
    for (const [label, value] of pieceRows(line)) {
      pair(`   ${label}`, value)
    }
    doc.y += 3
  })
  rule()
  pair("Value before GST", rupees(estimate.taxable_paise))
  pair("GST", rupees(estimate.gst_paise))
  pair("Total", rupees(estimate.total_paise), true)
  if (estimate.old_gold) {
    rule()
    doc.font(BOLD).fontSize(small).text("Old gold set against it", left, doc.y, { width })
    for (const article of estimate.old_gold.articles) {
      pair(`   ${article.description}, ${grams(article.payable_fine_mg)} fine`, `-${rupees(article.value_paise)}`)
    }
  }
  rule()
  pair("To pay", `Rs. ${rupees(estimate.to_pay_paise)}`, true)
  doc.moveDown(0.5)
  doc
    .font(FONT)
    .fontSize(thermal ? 6 : 8)
    .text(
      `Valid while today's rates hold: ${estimate.rates.map((r) => `${r.metal} ${r.purity} Rs. ${rupees(r.rate_per_g_paise)}/g`).join("; ")}. ` +
        "The prices change with the rates; the bill is made at the counter.",
      left,
      doc.y,
      { width }
    )
  doc.end()
  return done
}
