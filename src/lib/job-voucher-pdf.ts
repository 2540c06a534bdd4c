/**
 * A receipt or refund voucher for a job's advance (docs/counter.md, "The job's money"), drawn with pdfkit on A5:
 * the shop at its branch with its GSTIN, the voucher's number and date, the customer, the job, the amount in figures
 * and words, the tender and its reference. An advance for work is a payment for a service, so its receipt voucher
 * shows the GST it holds (at the rate used when the customer's is not yet known); the tax invoice at delivery
 * accounts for it. Only draws: every figure comes from the stored payment.
 */
import { openSlip, slipDay } from "./a5-slip-pdf"
import { amountInWords } from "./amount-in-words"
import type { SellerParty } from "./invoice"
import { rupees } from "./invoice-pdf"
import { TENDER_LABELS } from "./pos"
import { JOB_SERVICE_GST_RATE, JOB_SERVICE_SAC, taxInAdvance, type JobPaymentKind, type JobTender } from "./workshop"

export type JobVoucherDocument = {
  kind: Exclude<JobPaymentKind, "balance">
  number: string
  paid_at: Date | string
  shop: SellerParty
  customer: { name: string; phone: string | null }
  job: { number: string; article: string; work: string }
  amount_paise: number
  tender: JobTender
  reference: string | null
}


export function renderJobVoucherPdf(v: JobVoucherDocument): Promise<Buffer> {
  const title = v.kind === "advance" ? "RECEIPT VOUCHER" : "REFUND VOUCHER"
  const { doc, done, left, width, row } = openSlip({ shop: v.shop, title: `${title} ${v.number}`, subtitle: slipDay(v.paid_at), gstin: true })
  row(v.kind === "advance" ? "Received from" : "Paid back to", [v.customer.name, v.customer.phone].filter(Boolean).join(" · "))
  row("For job card", `${v.job.number}: ${v.job.article} — ${v.job.work}`)
  row("Amount", `Rs. ${rupees(v.amount_paise)}`)
  row("In words", amountInWords(v.amount_paise))
  row(v.kind === "advance" ? "Paid by" : "Paid back by", [TENDER_LABELS[v.tender], v.reference].filter(Boolean).join(", ref. "))
  if (v.kind === "advance") {
    const tax = taxInAdvance(v.amount_paise, JOB_SERVICE_GST_RATE)
    const half = Math.floor(tax / 2)
    row("GST included", `SAC ${JOB_SERVICE_SAC} at ${JOB_SERVICE_GST_RATE / 1000} %: CGST Rs. ${rupees(tax - half)}, SGST Rs. ${rupees(half)}`)
  }
  doc
    .moveDown(0.6)
    .fontSize(7)
    .text(
      v.kind === "advance"
        ? "An advance against the work on the job card above. It is set against the tax invoice issued when the article is delivered; keep this voucher until then."
        : "Advance paid back for the job card above: what the advances paid beyond the bill, or all of them for a job cancelled.",
      { width }
    )
  doc.moveDown(2).fontSize(8.5).text(`For ${v.shop.shop_name}`, left, doc.y, { width, align: "right" })
  doc.moveDown(2).text("Authorised signatory", { width, align: "right" })
  doc.end()
  return done
}
