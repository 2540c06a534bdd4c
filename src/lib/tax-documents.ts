/**
 * Numbering of tax documents (GST invoices and credit notes): one series per
 * kind, branch and financial year (April to March, India time), numbered
 * 1, 2, 3 … without gaps, e.g. MUM/2026-27/000123 and MUM/CN/2026-27/000004.
 */
import { MedusaError } from "@medusajs/framework/utils"

export const TAX_DOCUMENT_TYPES = ["invoice", "credit_note"] as const
export type TaxDocumentType = (typeof TAX_DOCUMENT_TYPES)[number]

const IST_OFFSET_MINUTES = 330

/** The Indian financial year a moment falls in, "2026-27" for 1 April 2026 to 31 March 2027 (IST). */
export function financialYear(at: Date): string {
  const local = new Date(at.getTime() + IST_OFFSET_MINUTES * 60_000)
  const year = local.getUTCMonth() >= 3 ? local.getUTCFullYear() : local.getUTCFullYear() - 1
  return `${year}-${String((year + 1) % 100).padStart(2, "0")}`
}

/** The series a document's number is drawn from. */
export function seriesKey(type: TaxDocumentType, branchCode: string, fy: string): string {
  return `${type}:${branchCode}:${fy}`
}

const SEQUENCE_DIGITS = 6

/** The printed number: MUM/2026-27/000123 for invoices, MUM/CN/2026-27/000004 for credit notes. */
export function documentNumber(type: TaxDocumentType, branchCode: string, fy: string, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `A document sequence starts at 1, got ${sequence}`)
  }
  if (!/^[A-Z0-9]{1,6}$/.test(branchCode)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `A branch code on a document number is 1–6 capital letters or digits, got "${branchCode}"`)
  }
  return [branchCode, ...(type === "credit_note" ? ["CN"] : []), fy, String(sequence).padStart(SEQUENCE_DIGITS, "0")].join("/")
}

/** A document number read back into its parts, or null when it is not one of ours. */
export function parseDocumentNumber(number: string): { type: TaxDocumentType; branch_code: string; fy: string; sequence: number } | null {
  const match = /^([A-Z0-9]{1,6})\/(?:(CN)\/)?(\d{4}-\d{2})\/(\d{6,})$/.exec(number)
  if (!match) {
    return null
  }
  return { type: match[2] ? "credit_note" : "invoice", branch_code: match[1], fy: match[3], sequence: Number(match[4]) }
}

/** GST Rule 46: a document's number has at most 16 characters. */
export const MAX_DOCUMENT_NUMBER_LENGTH = 16

/**
 * A number within Rule 46 for documents of the newer series (old-gold purchase vouchers, and the challans
 * and estimates to come): `<prefix>/<yy-yy>/<sequence>`, the sequence zero-padded to fill 16 characters,
 * e.g. MUMOG/26-27/0123. A prefix too long to leave room for the sequence is refused.
 */
export function compactDocumentNumber(prefix: string, fy: string, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `A document sequence starts at 1, got ${sequence}`)
  }
  if (!/^[A-Z0-9]{1,8}$/.test(prefix) || !/^\d{4}-\d{2}$/.test(fy)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `A document prefix is 1–8 capital letters or digits and a financial year like 2026-27, got "${prefix}", "${fy}"`)
  }
  const head = `${prefix}/${fy.slice(2)}/`
  const digits = String(sequence)
  const width = MAX_DOCUMENT_NUMBER_LENGTH - head.length
  if (digits.length > width) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Series ${prefix} for ${fy} is full: number ${sequence} would exceed ${MAX_DOCUMENT_NUMBER_LENGTH} characters (GST Rule 46); use a shorter branch code`
    )
  }
  return head + digits.padStart(width, "0")
}

/** The file name a document is downloaded as: MUM-2026-27-000123.pdf. */
export function documentFileName(number: string): string {
  return `${number.replace(/\//g, "-")}.pdf`
}
