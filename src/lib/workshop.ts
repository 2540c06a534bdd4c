/**
 * Job cards (docs/counter.md, "Repairs and custom orders"): an article taken in for repair or a piece ordered to
 * be made, followed through the workshop. The rules of its steps, of what may come back lighter, and of what the
 * customer is told at each step. Pure: the workshop module stores job cards, the workflows move them.
 *
 * received → with_karigar → ready → delivered, or cancelled before delivery. A job may skip the karigar (mended
 * at the counter: received → ready) and may go back from ready to the karigar (not right yet). Delivery weighs the
 * article again: it may come back lighter than it went in by no more than the job's allowed loss (polishing and
 * soldering take some metal), never heavier unless stones or metal were added (a custom order, or a repair that
 * says so).
 */
import { formatInr, mulDivHalfUp } from "./money"
import { CASH_LIMIT_PAISE } from "./pos"
import { gstAtRate, roundToRupee } from "./pricing"

export const JOB_KINDS = ["repair", "custom_order"] as const
export type JobKind = (typeof JOB_KINDS)[number]

export const JOB_STATUSES = ["received", "with_karigar", "ready", "delivered", "cancelled"] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

/** Where a job may go from each step. */
const NEXT: Record<JobStatus, readonly JobStatus[]> = {
  received: ["with_karigar", "ready", "cancelled"],
  with_karigar: ["ready", "cancelled"],
  ready: ["with_karigar", "delivered", "cancelled"],
  delivered: [],
  cancelled: [],
}

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  received: "received",
  with_karigar: "with the karigar",
  ready: "ready for pickup",
  delivered: "delivered",
  cancelled: "cancelled",
}

/** Why a job in `from` cannot move to `to`, or null when it can. */
export function jobStepProblem(from: JobStatus, to: JobStatus): string | null {
  if (NEXT[from].includes(to)) {
    return null
  }
  if (from === "delivered" || from === "cancelled") {
    return `This job was ${JOB_STATUS_LABELS[from]}; it moves no further`
  }
  return `A job ${JOB_STATUS_LABELS[from]} cannot become ${JOB_STATUS_LABELS[to]}; next: ${NEXT[from].map((s) => JOB_STATUS_LABELS[s]).join(", ")}`
}

/** The loss a repair is allowed by default: 0.5 % of the net weight taken in. */
export const DEFAULT_ALLOWED_LOSS_BPS = 50
/** The most any job may allow: 5 %. */
export const MAX_ALLOWED_LOSS_BPS = 500

/** The lightest the article may come back, in milligrams: the net weight in less the allowed loss (rounded up, in the customer's favour). */
export function minimumWeightOut(netInMg: number, allowedLossBps: number): number {
  return netInMg - Math.floor((netInMg * allowedLossBps) / 10_000)
}

const grams = (mg: number) => `${(mg / 1000).toFixed(3)} g`

/**
 * Why the article cannot be handed back at this net weight, or null when it can: lighter than the allowed loss
 * lets it be, or (a repair that adds nothing) heavier than it went in.
 */
export function weightOutProblem(job: { kind: JobKind; net_weight_in_mg: number; allowed_loss_bps: number; adds_material: boolean }, netOutMg: number): string | null {
  const least = minimumWeightOut(job.net_weight_in_mg, job.allowed_loss_bps)
  if (job.kind === "custom_order") {
    return null
  }
  if (netOutMg < least) {
    return `weight out ${grams(netOutMg)} is below what the job allows: ${grams(job.net_weight_in_mg)} in, at most ${job.allowed_loss_bps / 100} % loss, so at least ${grams(least)}; weigh it again or settle the loss with the customer first`
  }
  if (!job.adds_material && netOutMg > job.net_weight_in_mg) {
    return `weight out ${grams(netOutMg)} is more than went in (${grams(job.net_weight_in_mg)}) on a repair that adds no metal or stones; weigh it again`
  }
  return null
}

/** When a photo of the article was taken: as it came in, or as it goes back. */
export const JOB_PHOTO_STAGES = ["in", "out"] as const
export type JobPhotoStage = (typeof JOB_PHOTO_STAGES)[number]

/** The most photos one job card keeps. */
export const MAX_JOB_PHOTOS = 12

/** A photo kept with a job card: the private file and what it is. */
export type JobPhoto = { file_id: string; mime_type: string; filename: string; stage: JobPhotoStage; uploaded_at: string; uploaded_by: string | null }

/** Why `adding` more photos cannot go on a job that has `kept` and is at `status`, or null when they can. */
export function jobPhotosProblem(status: JobStatus, kept: number, adding: number): string | null {
  if (status === "cancelled") {
    return "This job was cancelled; it takes no more photos"
  }
  if (kept + adding > MAX_JOB_PHOTOS) {
    return `A job card keeps at most ${MAX_JOB_PHOTOS} photos; it has ${kept}, so ${Math.max(0, MAX_JOB_PHOTOS - kept)} more at most`
  }
  return null
}

/**
 * The work on a customer's article or material, as the shop bills it at delivery (docs/counter.md, "The job's
 * money"): jewellery manufacturing services, SAC 998892, which covers mending as much as making. Job work proper
 * — the customer is a registered person whose goods the shop works on — is taxed at 5 %; for anyone else the work
 * is not job work and takes the heading's general 18 %. Rates in thousandths of a percent, as GST_RATES.
 */
export const JOB_SERVICE_SAC = "998892"
export const JOB_WORK_GST_RATE = 5000
export const JOB_SERVICE_GST_RATE = 18000

/** The GST rate of a job's work: job work for a customer with a GSTIN, the service's general rate otherwise. */
export function jobGstRate(customerGstin: string | null): number {
  return customerGstin ? JOB_WORK_GST_RATE : JOB_SERVICE_GST_RATE
}

/** Who pays the shop for a job, and how: an advance while it is open, the balance at delivery, or money handed back. */
export const JOB_PAYMENT_KINDS = ["advance", "balance", "refund"] as const
export type JobPaymentKind = (typeof JOB_PAYMENT_KINDS)[number]
export const JOB_TENDERS = ["cash", "card", "upi"] as const
export type JobTender = (typeof JOB_TENDERS)[number]

/** What a job's payments have paid, net: advances and balance less what was handed back. */
export function netPaid(payments: { kind: JobPaymentKind; amount_paise: number }[]): number {
  return payments.reduce((s, p) => s + (p.kind === "refund" ? -p.amount_paise : p.amount_paise), 0)
}

/**
 * Refunds of `paise` back through the tenders the advances came in by, the latest first (cash back as cash, UPI
 * back to UPI), so the server, not the counter, says how money goes back.
 */
export function refundsFor(payments: { kind: JobPaymentKind; tender: JobTender; amount_paise: number }[], paise: number): { tender: JobTender; amount_paise: number }[] {
  const left = new Map<JobTender, number>()
  for (const p of payments) {
    left.set(p.tender, (left.get(p.tender) ?? 0) + (p.kind === "refund" ? -p.amount_paise : p.amount_paise))
  }
  const refunds: { tender: JobTender; amount_paise: number }[] = []
  let owed = paise
  for (const p of [...payments].reverse().filter((p) => p.kind !== "refund")) {
    const take = Math.min(owed, left.get(p.tender) ?? 0)
    if (take > 0) {
      refunds.push({ tender: p.tender, amount_paise: take })
      left.set(p.tender, (left.get(p.tender) ?? 0) - take)
      owed -= take
    }
  }
  return refunds
}

/** The GST an advance of `amountPaise` holds at `gstRate` (tax-inclusive, rounded half up to the paisa). */
export function taxInAdvance(amountPaise: number, gstRate: number): number {
  return mulDivHalfUp(amountPaise, gstRate, 100_000 + gstRate)
}

/** Why an advance of `amountPaise` cannot be taken on a job at `status` that has `paidPaise` already, or null. */
export function advanceProblem(job: { status: JobStatus; estimate_paise: number | null }, paidPaise: number, amountPaise: number): string | null {
  if (job.status === "delivered" || job.status === "cancelled") {
    return `This job was ${job.status}; it takes no advance`
  }
  if (!Number.isSafeInteger(amountPaise) || amountPaise <= 0) {
    return "An advance must be above ₹0"
  }
  if (job.estimate_paise !== null) {
    const most = jobBill(job.estimate_paise, JOB_SERVICE_GST_RATE, 0).total_paise
    if (paidPaise + amountPaise > most) {
      return `Advances would come to ${formatInr(paidPaise + amountPaise)}, more than the estimate with GST (${formatInr(most)}); ${formatInr(Math.max(0, most - paidPaise))} more at most`
    }
  }
  return null
}

/**
 * Why a job's cash cannot come to `cashPaise` in all (its advances and balance in cash, less cash handed back), or
 * null: ₹2,00,000 or more in cash for one job is refused (Income Tax Act s.269ST).
 */
export function jobCashProblem(cashPaise: number): string | null {
  return cashPaise >= CASH_LIMIT_PAISE
    ? `cash of ${formatInr(CASH_LIMIT_PAISE)} or more for one job is not allowed (Income Tax Act s.269ST): this would make ${formatInr(cashPaise)} in cash; take it by card or UPI`
    : null
}

/** What a job's work is billed at: the charges the counter gives, else the estimate; a job with neither must be told. */
export function jobCharges(job: { number: string; estimate_paise: number | null }, given: number | null | undefined): { charges: number; problem: null } | { charges: null; problem: string } {
  const charges = given ?? job.estimate_paise
  return charges === null ? { charges: null, problem: `charges: job ${job.number} has no estimate; say what the work costs (0 for none)` } : { charges, problem: null }
}

export type JobBill = {
  charges_paise: number
  gst_rate: number
  cgst_paise: number
  sgst_paise: number
  total_paise: number
  /** The total rounded to the rupee, as the invoice's grand total. */
  grand_total_paise: number
  paid_paise: number
  /** What the customer still owes (positive), or is owed back (negative). */
  balance_paise: number
}

/**
 * A job's bill at delivery: the charges, CGST and SGST (the work is done at the branch, so the supply is always
 * within its state), the total to the rupee, and what is left after the advances.
 */
export function jobBill(chargesPaise: number, gstRate: number, paidPaise: number): JobBill {
  const gst = gstAtRate(chargesPaise, JOB_SERVICE_SAC, gstRate, "", "")
  const total = chargesPaise + gst.gst_total
  const grand = roundToRupee(total)
  return { charges_paise: chargesPaise, gst_rate: gstRate, cgst_paise: gst.cgst, sgst_paise: gst.sgst, total_paise: total, grand_total_paise: grand, paid_paise: paidPaise, balance_paise: grand - paidPaise }
}

/** Why the tenders offered at delivery do not settle the balance, or null: they must come to exactly what is owed. */
export function balanceTendersProblem(bill: JobBill, tenderedPaise: number): string | null {
  const due = Math.max(0, bill.balance_paise)
  if (tenderedPaise === due) {
    return null
  }
  const figures = `the bill is ${formatInr(bill.grand_total_paise)}${bill.paid_paise ? `, ${formatInr(bill.paid_paise)} paid in advance` : ""}`
  return due === 0
    ? `Nothing is left to pay (${figures}); deliver without tenders`
    : `The balance is ${formatInr(due)} (${figures}); the tenders come to ${formatInr(tenderedPaise)}`
}
