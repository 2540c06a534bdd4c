/**
 * The customer's copy of a job card (docs/counter.md, "Repairs and custom orders"), drawn with pdfkit on A5: the
 * shop at its branch, the job's number and date, the customer, the article and the work, what it weighed coming in
 * and the least it may come back at, the customer's own material, the estimate and due date, and — once delivered —
 * what it weighed going out; the terms and two signatures. Only draws: every figure comes from the stored job.
 */
import PDFDocument from "pdfkit"
import { pdfBytes } from "./pdf-bytes"
import type { SellerParty } from "./invoice"
import { rupees } from "./invoice-pdf"
import { JOB_STATUS_LABELS, minimumWeightOut, type JobKind, type JobStatus } from "./workshop"

export type JobCardDocument = {
  number: string
  received_at: Date | string
  shop: SellerParty
  customer: { name: string; phone: string | null }
  kind: JobKind
  status: JobStatus
  article: string
  work: string
  gross_weight_in_mg: number
  net_weight_in_mg: number
  allowed_loss_bps: number
  customer_material: string | null
  estimate_paise: number | null
  due_at: Date | string
  gross_weight_out_mg: number | null
  net_weight_out_mg: number | null
}

const MARGIN = 30
const FONT = "Helvetica"
const BOLD = "Helvetica-Bold"
const grams = (mg: number) => `${(mg / 1000).toFixed(3)} g`
const day = (at: Date | string) => new Date(at).toLocaleDateString("en-IN", { dateStyle: "long", timeZone: "Asia/Kolkata" })

export function renderJobCardPdf(job: JobCardDocument): Promise<Buffer> {
  const title = job.kind === "repair" ? "REPAIR JOB CARD" : "CUSTOM ORDER JOB CARD"
  const doc = new PDFDocument({ size: "A5", margin: MARGIN, info: { Title: `${title} ${job.number}`, Author: job.shop.shop_name } })
  const done = pdfBytes(doc)
  const left = MARGIN
  const width = doc.page.width - 2 * MARGIN

  doc.font(BOLD).fontSize(13).text(job.shop.shop_name, left, MARGIN, { width })
  doc.font(FONT).fontSize(8).text([job.shop.branch_name, ...job.shop.address_lines, job.shop.phone ? `Phone ${job.shop.phone}` : ""].filter(Boolean).join("\n"), { width })
  doc.moveDown(0.6).font(BOLD).fontSize(10.5).text(`${title} ${job.number}`, { width })
  doc.font(FONT).fontSize(8.5).text(`Taken in ${day(job.received_at)} · now ${JOB_STATUS_LABELS[job.status]}`, { width })
  doc.moveDown(0.6)
  const row = (label: string, value: string) => {
    const y = doc.y
    doc.font(BOLD).fontSize(8.5).text(label, left, y, { width: 120 })
    const labelBottom = doc.y
    doc.font(FONT).text(value, left + 124, y, { width: width - 124 })
    doc.y = Math.max(labelBottom, doc.y) + 2
  }
  row("Customer", [job.customer.name, job.customer.phone].filter(Boolean).join(" · "))
  row("Article", job.article)
  row("Work", job.work)
  if (job.net_weight_in_mg > 0) {
    row("Weight in", `${grams(job.gross_weight_in_mg)} gross, ${grams(job.net_weight_in_mg)} net`)
  }
  if (job.kind === "repair") {
    row("Comes back at least", `${grams(minimumWeightOut(job.net_weight_in_mg, job.allowed_loss_bps))} net (${job.allowed_loss_bps / 100} % loss allowed)`)
  }
  if (job.customer_material) {
    row("Customer's own material", job.customer_material)
  }
  row("Estimate", job.estimate_paise === null ? "to be told" : `Rs. ${rupees(job.estimate_paise)} (GST extra)`)
  row("Due", day(job.due_at))
  if (job.net_weight_out_mg !== null && job.gross_weight_out_mg !== null) {
    row("Weight out", `${grams(job.gross_weight_out_mg)} gross, ${grams(job.net_weight_out_mg)} net`)
  }
  doc
    .moveDown(0.6)
    .font(FONT)
    .fontSize(7)
    .text(
      "Please bring this card to collect the article. Polishing and soldering take a little metal: the article may come back lighter by no more than " +
        "the loss allowed above. Articles not collected within three months of the due date are held at the customer's risk.",
      left,
      doc.y,
      { width }
    )
  const signY = Math.max(doc.y + 40, doc.page.height - MARGIN - 40)
  doc.fontSize(8)
  doc.moveTo(left, signY).lineTo(left + 140, signY).stroke()
  doc.text("Customer's signature", left, signY + 4, { width: 140 })
  doc.moveTo(left + width - 140, signY).lineTo(left + width, signY).stroke()
  doc.text(`For ${job.shop.shop_name}`, left + width - 140, signY + 4, { width: 140, align: "right" })
  doc.end()
  return done
}
