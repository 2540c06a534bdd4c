import type { TaxDocumentRow } from "./service"

/** A document as the API lists it (the body only with ?format=json on one document). */
export function presentDocument(doc: TaxDocumentRow, withBody = false) {
  return {
    id: doc.id,
    type: doc.type,
    number: doc.number,
    financial_year: doc.financial_year,
    branch_code: doc.branch_code,
    order_id: doc.order_id,
    exchange_id: doc.exchange_id,
    return_id: doc.return_id,
    against_id: doc.against_id,
    customer_id: doc.customer_id,
    issued_at: doc.issued_at,
    grand_total: doc.grand_total_paise / 100,
    file: { status: doc.file_status, attempts: doc.file_attempts, error: doc.file_error, next_attempt_at: doc.file_id ? null : doc.next_attempt_at },
    ...(withBody ? { body: doc.body } : {}),
  }
}
