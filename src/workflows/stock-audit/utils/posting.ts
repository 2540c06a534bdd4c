import type { AuditRow, LineRow } from "../../../modules/stock-audit/service"

/** An audit being posted: the audit, whether it was posted already, and the lines that change stock (missing, extra, misplaced). */
export type StockAuditPosting = { audit: AuditRow; already: boolean; lines: LineRow[] }
