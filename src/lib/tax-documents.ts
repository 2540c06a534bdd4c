/**
 * Numbering of the shop's documents: one series per kind, branch and
 * financial year (April to March, India time), numbered 1, 2, 3 … without
 * gaps. GST Rule 46 allows a tax document's number at most 16 characters,
 * unique within the financial year, of letters, digits, "/" and "-":
 *
 *   invoice                MUM/26-27/000123
 *   credit note            MUM/CN26-27/0004
 *   old-gold voucher       MUM/OG26-27/0001
 *   savings-scheme card    MUM/SC26-27/0001 (the enrolment's receipt series)
 *
 * The kind sits in the second part, which for an invoice starts with a digit,
 * so no two kinds (and no two branches) can ever print the same number. The
 * sequence is zero-padded to fill the 16 characters: a three-letter branch
 * code leaves room for 999 999 invoices and 9 999 of the other kinds a year.
 * Numbers issued before this form (MUM/2026-27/000123, MUM/CN/2026-27/000004)
 * keep theirs and still read back.
 */
import { MedusaError } from "@medusajs/framework/utils"

export const TAX_DOCUMENT_TYPES = ["invoice", "credit_note"] as const
export type TaxDocumentType = (typeof TAX_DOCUMENT_TYPES)[number]

/** Every numbered document: the tax documents, the old-gold purchase vouchers, the savings-scheme cards, the stock transfers' delivery challans, the approval memos, the workshop's job cards, the karigars' job-work challans, and the receipt and refund vouchers of a job's advances. */
export type NumberedDocumentType = TaxDocumentType | "old_gold_voucher" | "savings_scheme" | "stock_transfer" | "approval_memo" | "job_card" | "job_work_challan" | "receipt_voucher" | "refund_voucher"

const KIND_MARKS: Record<NumberedDocumentType, string> = { invoice: "", credit_note: "CN", old_gold_voucher: "OG", savings_scheme: "SC", stock_transfer: "DC", approval_memo: "AP", job_card: "JC", job_work_challan: "JW", receipt_voucher: "RV", refund_voucher: "RF" }

const IST_OFFSET_MINUTES = 330

/** The Indian financial year a moment falls in, "2026-27" for 1 April 2026 to 31 March 2027 (IST). */
export function financialYear(at: Date): string {
  const local = new Date(at.getTime() + IST_OFFSET_MINUTES * 60_000)
  const year = local.getUTCMonth() >= 3 ? local.getUTCFullYear() : local.getUTCFullYear() - 1
  return `${year}-${String((year + 1) % 100).padStart(2, "0")}`
}

/** The series a tax document's number is drawn from. */
export function seriesKey(type: TaxDocumentType, branchCode: string, fy: string): string {
  return `${type}:${branchCode}:${fy}`
}

/** GST Rule 46: a document's number has at most 16 characters. */
export const MAX_DOCUMENT_NUMBER_LENGTH = 16

/** The printed number of a document (the forms above). A series with no room left for the next number is refused. */
export function documentNumber(type: NumberedDocumentType, branchCode: string, fy: string, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `A document sequence starts at 1, got ${sequence}`)
  }
  if (!/^[A-Z0-9]{1,6}$/.test(branchCode)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `A branch code on a document number is 1–6 capital letters or digits, got "${branchCode}"`)
  }
  if (!/^\d{4}-\d{2}$/.test(fy)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `A financial year is written like 2026-27, got "${fy}"`)
  }
  const head = `${branchCode}/${KIND_MARKS[type]}${fy.slice(2)}/`
  const digits = String(sequence)
  const width = MAX_DOCUMENT_NUMBER_LENGTH - head.length
  if (digits.length > width) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `The ${type.replace(/_/g, " ")} series of branch ${branchCode} for ${fy} is full: number ${sequence} would exceed ` +
        `${MAX_DOCUMENT_NUMBER_LENGTH} characters (GST Rule 46); a shorter branch code leaves more room`
    )
  }
  return head + digits.padStart(width, "0")
}

/** A document number read back into its parts (either form), or null when it is not one of ours. */
export function parseDocumentNumber(number: string): { type: NumberedDocumentType; branch_code: string; fy: string; sequence: number } | null {
  const current = /^([A-Z0-9]{1,6})\/(CN|OG|SC|DC|AP|JC|JW|RV|RF)?(\d{2})-(\d{2})\/(\d+)$/.exec(number)
  if (current && current[0].length <= MAX_DOCUMENT_NUMBER_LENGTH) {
    const type = (Object.keys(KIND_MARKS) as NumberedDocumentType[]).find((t) => KIND_MARKS[t] === (current[2] ?? ""))!
    return { type, branch_code: current[1], fy: `20${current[3]}-${current[4]}`, sequence: Number(current[5]) }
  }
  const earlier = /^([A-Z0-9]{1,6})\/(?:(CN)\/)?(\d{4}-\d{2})\/(\d{6,})$/.exec(number)
  if (earlier) {
    return { type: earlier[2] ? "credit_note" : "invoice", branch_code: earlier[1], fy: earlier[3], sequence: Number(earlier[4]) }
  }
  return null
}

/** The file name a document is downloaded as: MUM-26-27-000123.pdf. */
export function documentFileName(number: string): string {
  return `${number.replace(/\//g, "-")}.pdf`
}
