/**
 * The customer's copy of a job card (docs/counter.md, "Repairs and custom orders"), drawn with pdfkit on A5: the
 * shop at its branch, the job's number and date, the customer, the article and the work, what it weighed coming in
 * and the least it may come back at, the customer's own material, the estimate and due date, and — once delivered —
 * what it weighed going out; the terms and two signatures. Only draws: every figure comes from the stored job.
 */
import { openSlip, SLIP_FONT as FONT, SLIP_MARGIN as MARGIN, slipDay } from "./a5-slip-pdf"
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

const grams = (mg: number) => `${(mg / 1000).toFixed(3)} g`

export function renderJobCardPdf(job: JobCardDocument): Promise<Buffer> {
  const title = job.kind === "repair" ? "REPAIR JOB CARD" : "CUSTOM ORDER JOB CARD"
  const { doc, done, left, width, row } = openSlip({ shop: job.shop, title: `${title} ${job.number}`, subtitle: `Taken in ${slipDay(job.received_at)} · now ${JOB_STATUS_LABELS[job.status]}` })
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
  row("Due", slipDay(job.due_at))
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
