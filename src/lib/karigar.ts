/**
 * Karigar job work (docs/counter.md, "Karigars and job work"): metal or pieces issued to a goldsmith on a job-work
 * challan, received back as pieces or metal, with the wastage each job allows; the fine metal each karigar holds
 * of the shop's. Pure: the karigar module stores issues and receipts, the workflows write them.
 *
 * Everything is counted in fine metal (milligrams of pure gold, silver or platinum), as the trade keeps a
 * karigar's account: 10 g of 22K (916) issued is 9.160 g fine. A receipt returns fine metal (pieces or metal
 * weighed and tested) and may claim wastage, up to the job's allowance (basis points of the fine metal issued).
 * An issue is settled when what came back and the wastage allowed cover it; until then the rest is the karigar's
 * balance, and no receipt may bring back more than is still out.
 */
import { mulDivHalfUp } from "./money"
import type { Metal } from "./pricing"

export const KARIGAR_ISSUE_FORMS = ["metal", "pieces"] as const
/** What went out: metal (bar, wire, old gold to be made up) or pieces (articles to repair or finish). */
export type KarigarIssueForm = (typeof KARIGAR_ISSUE_FORMS)[number]

export const KARIGAR_RECEIPT_FORMS = ["pieces", "metal"] as const
export type KarigarReceiptForm = (typeof KARIGAR_RECEIPT_FORMS)[number]

export const KARIGAR_ISSUE_STATUSES = ["open", "settled"] as const
export type KarigarIssueStatus = (typeof KARIGAR_ISSUE_STATUSES)[number]

/** The wastage a new karigar's jobs allow unless the job says otherwise: 3 % of the fine metal issued. */
export const DEFAULT_KARIGAR_WASTAGE_BPS = 300
/** The most wastage any job may allow: 15 %. */
export const MAX_KARIGAR_WASTAGE_BPS = 1500

/** Fine metal in `grossMg` of metal at `purity` (parts per thousand), rounded half up to the milligram. */
export function fineWeightMg(grossMg: number, purity: number): number {
  return mulDivHalfUp(grossMg, purity, 1000)
}

/** The wastage a job may claim in all: its basis points of the fine metal issued, rounded down (in the shop's favour). */
export function wastageAllowanceMg(fineIssuedMg: number, wastageBps: number): number {
  return Math.floor((fineIssuedMg * wastageBps) / 10_000)
}

export type IssueAccount = {
  number: string
  status: KarigarIssueStatus
  fine_weight_mg: number
  received_fine_mg: number
  wastage_fine_mg: number
  allowed_wastage_bps: number
}

/** Fine metal of an issue still with the karigar: issued less what came back and the wastage allowed so far. */
export function outstandingFineMg(issue: Pick<IssueAccount, "fine_weight_mg" | "received_fine_mg" | "wastage_fine_mg">): number {
  return issue.fine_weight_mg - issue.received_fine_mg - issue.wastage_fine_mg
}

const grams = (mg: number) => `${(mg / 1000).toFixed(3)} g`

/**
 * Why a receipt of `fineMg` fine metal claiming `wastageMg` wastage cannot be booked against the issue, or null
 * when it can: a settled issue, an empty receipt, wastage beyond the job's allowance, or more back than is out.
 */
export function receiptProblem(issue: IssueAccount, receipt: { fine_weight_mg: number; wastage_fine_mg: number }): string | null {
  if (issue.status === "settled") {
    return `Challan ${issue.number} is settled; it takes no more receipts`
  }
  if (receipt.fine_weight_mg <= 0 && receipt.wastage_fine_mg <= 0) {
    return "A receipt brings back some metal or claims some wastage"
  }
  const allowance = wastageAllowanceMg(issue.fine_weight_mg, issue.allowed_wastage_bps)
  if (issue.wastage_fine_mg + receipt.wastage_fine_mg > allowance) {
    return (
      `wastage ${grams(receipt.wastage_fine_mg)} fine is more than challan ${issue.number} allows: ${issue.allowed_wastage_bps / 100} % of ` +
      `${grams(issue.fine_weight_mg)} is ${grams(allowance)}, ${grams(issue.wastage_fine_mg)} claimed already`
    )
  }
  const outstanding = outstandingFineMg(issue)
  if (receipt.fine_weight_mg + receipt.wastage_fine_mg > outstanding) {
    return (
      `this receipt (${grams(receipt.fine_weight_mg)} fine back, ${grams(receipt.wastage_fine_mg)} wastage) exceeds what was issued on challan ${issue.number}: ` +
      `${grams(issue.fine_weight_mg)} fine issued, ${grams(issue.received_fine_mg)} back and ${grams(issue.wastage_fine_mg)} wastage so far, so at most ${grams(outstanding)} more`
    )
  }
  return null
}

/** The issue after a receipt: what came back and the wastage added, settled once nothing is out. */
export function afterReceipt<T extends IssueAccount>(issue: T, receipt: { fine_weight_mg: number; wastage_fine_mg: number }): T {
  const next = { ...issue, received_fine_mg: issue.received_fine_mg + receipt.fine_weight_mg, wastage_fine_mg: issue.wastage_fine_mg + receipt.wastage_fine_mg }
  return { ...next, status: outstandingFineMg(next) === 0 ? "settled" : "open" }
}

/** The HSN a job-work challan shows: unwrought metal by metal, an article of jewellery for pieces. */
export function issueHsn(metal: Metal, form: KarigarIssueForm): string {
  if (form === "pieces") {
    return "7113"
  }
  return { gold: "7108", silver: "7106", platinum: "7110" }[metal]
}

/**
 * The value a challan declares for fine metal: at the finest selling rate the shop publishes for the metal,
 * scaled to pure (`fine × rate ÷ purity`), rounded half up; null when no rate of the metal is published.
 */
export function fineMetalValuePaise(fineMg: number, metal: Metal, rates: readonly { metal: string; purity: number; rate_per_g_paise: number }[]): number | null {
  const finest = rates.filter((r) => r.metal === metal).sort((a, b) => b.purity - a.purity)[0]
  return finest ? mulDivHalfUp(fineMg, finest.rate_per_g_paise, finest.purity) : null
}
