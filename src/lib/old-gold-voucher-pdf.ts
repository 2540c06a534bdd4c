/**
 * Draws an old-gold purchase voucher as a PDF with pdfkit: A4 portrait, the shop at the branch, the
 * customer with their PAN or Form 60 when the law asks, one row per article with the figures it was valued
 * by (docs/counter.md), the total in words, how it was paid and the signatures. Only draws: every figure
 * comes from the stored voucher.
 */
import PDFDocument from "pdfkit"
import { pdfBytes } from "./pdf-bytes"
import { amountInWords } from "./amount-in-words"
import type { SellerParty } from "./invoice"
import { rupees } from "./invoice-pdf"

export type VoucherArticle = {
  description: string
  metal: string
  purity_test: string
  gross_weight_mg: number
  deduction_weight_mg: number
  net_weight_mg: number
  tested_purity: number
  fine_weight_mg: number
  melting_loss_bps: number
  payable_fine_mg: number
  rate_purity: number
  rate_per_g_paise: number
  value_paise: number
}

export type OldGoldVoucherDocument = {
  number: string
  kind: "exchange" | "purchase"
  issued_at: Date | string
  seller: SellerParty
  customer: { name: string; phone: string | null; identity: string; pan_masked: string | null }
  articles: VoucherArticle[]
  total_value_paise: number
  cash_paise: number
  bank_paise: number
  bank_reference: string | null
  sale_credit_paise: number
  note: string | null
}

const MARGIN = 36
const FONT = "Helvetica"
const BOLD = "Helvetica-Bold"
const grams = (mg: number) => (mg / 1000).toFixed(3)

export function renderOldGoldVoucherPdf(voucher: OldGoldVoucherDocument): Promise<Buffer> {
  const title = voucher.kind === "exchange" ? "OLD GOLD EXCHANGE VOUCHER" : "OLD GOLD PURCHASE VOUCHER"
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, info: { Title: `${title} ${voucher.number}`, Author: voucher.seller.shop_name } })
  const done = pdfBytes(doc)
  const left = MARGIN
  const right = doc.page.width - MARGIN
  const width = right - left

  doc.font(BOLD).fontSize(14).text(voucher.seller.shop_name, left, MARGIN, { width: width / 2 })
  doc.font(FONT).fontSize(8.5).text([voucher.seller.branch_name, ...voucher.seller.address_lines, voucher.seller.gstin ? `GSTIN ${voucher.seller.gstin}` : ""].filter(Boolean).join("\n"), { width: width / 2 })
  const sellerBottom = doc.y
  doc.font(BOLD).fontSize(11).text(title, left + width / 2, MARGIN, { width: width / 2, align: "right" })
  const issued = new Date(voucher.issued_at).toLocaleString("en-IN", { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Kolkata" })
  doc.font(FONT).fontSize(8.5).text(`Voucher no. ${voucher.number}\n${issued}`, { width: width / 2, align: "right" })
  let y = Math.max(sellerBottom, doc.y) + 10

  doc.moveTo(left, y).lineTo(right, y).lineWidth(0.5).stroke()
  y += 6
  const identity = voucher.customer.identity === "pan" ? `PAN ${voucher.customer.pan_masked ?? ""}` : voucher.customer.identity === "form_60" ? "Form 60 taken" : ""
  doc.font(BOLD).text("Bought from", left, y)
  doc.font(FONT).text([voucher.customer.name, voucher.customer.phone ? `Phone ${voucher.customer.phone}` : "", identity].filter(Boolean).join("\n"))
  y = doc.y + 10

  // Articles: what was weighed and tested, and what it is worth at the buying rate.
  const cols: { title: string; width: number; cell: (a: VoucherArticle) => string; align?: "right" }[] = [
    { title: "Article", width: 0, cell: (a) => `${a.description}\n${a.metal}, ${a.purity_test === "xrf" ? "XRF" : "touchstone"}` },
    { title: "Gross g", width: 44, align: "right", cell: (a) => grams(a.gross_weight_mg) },
    { title: "Less g", width: 40, align: "right", cell: (a) => grams(a.deduction_weight_mg) },
    { title: "Net g", width: 44, align: "right", cell: (a) => grams(a.net_weight_mg) },
    { title: "Purity", width: 36, align: "right", cell: (a) => String(a.tested_purity) },
    { title: "Fine g", width: 44, align: "right", cell: (a) => grams(a.fine_weight_mg) },
    { title: "Loss", width: 34, align: "right", cell: (a) => `${a.melting_loss_bps / 100} %` },
    { title: "Payable g", width: 48, align: "right", cell: (a) => grams(a.payable_fine_mg) },
    { title: "Rate / g", width: 62, align: "right", cell: (a) => `${rupees(a.rate_per_g_paise)}\nat ${a.rate_purity}` },
    { title: "Value", width: 66, align: "right", cell: (a) => rupees(a.value_paise) },
  ]
  cols[0].width = width - cols.slice(1).reduce((s, c) => s + c.width, 0)
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? BOLD : FONT).fontSize(8)
    let x = left
    let height = 0
    cells.forEach((text, i) => {
      height = Math.max(height, doc.heightOfString(text, { width: cols[i].width - 4 }))
    })
    cells.forEach((text, i) => {
      doc.text(text, x + 2, y, { width: cols[i].width - 4, align: cols[i].align ?? "left" })
      x += cols[i].width
    })
    y += height + 4
    doc.moveTo(left, y - 2).lineTo(right, y - 2).lineWidth(0.3).stroke()
  }
  row(cols.map((c) => c.title), true)
  for (const article of voucher.articles) {
    row(cols.map((c) => c.cell(article)), false)
  }

  y += 6
  doc.font(BOLD).fontSize(10).text(`Total value: Rs. ${rupees(voucher.total_value_paise)}`, left, y, { width, align: "right" })
  doc.font(FONT).fontSize(8.5).text(amountInWords(voucher.total_value_paise), { width, align: "right" })
  const paid = [
    voucher.cash_paise ? `Cash Rs. ${rupees(voucher.cash_paise)}` : "",
    voucher.bank_paise ? `Bank transfer Rs. ${rupees(voucher.bank_paise)}${voucher.bank_reference ? ` (${voucher.bank_reference})` : ""}` : "",
    voucher.sale_credit_paise ? `Credit against a purchase Rs. ${rupees(voucher.sale_credit_paise)}` : "",
  ].filter(Boolean)
  doc.moveDown(0.5).text(`Settled by: ${paid.join("; ")}`, { width })
  if (voucher.note) {
    doc.text(`Note: ${voucher.note}`, { width })
  }
  doc
    .moveDown(0.5)
    .fontSize(7.5)
    .text(
      "Old jewellery bought from an unregistered person; the payable fine weight is the fine weight less the melting loss, valued at the buying rate in force. " +
        "The customer declares the articles are their own.",
      { width }
    )
  const signY = Math.max(doc.y + 50, doc.page.height - MARGIN - 60)
  doc.fontSize(8.5)
  doc.moveTo(left, signY).lineTo(left + 180, signY).stroke()
  doc.text("Customer's signature", left, signY + 4, { width: 180 })
  doc.moveTo(right - 180, signY).lineTo(right, signY).stroke()
  doc.text(`For ${voucher.seller.shop_name}`, right - 180, signY + 4, { width: 180, align: "right" })
  doc.end()
  return done
}
