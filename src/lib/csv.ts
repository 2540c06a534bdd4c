/**
 * CSV as spreadsheets write it (RFC 4180): comma-separated, fields in double
 * quotes may hold commas, quotes ("") and line breaks; CRLF or LF line ends.
 * Read by csv-parse; its errors are reworded with the line they are on.
 */
import { parse } from "csv-parse/sync"

export class CsvError extends Error {}

export function parseCsv(text: string): string[][] {
  try {
    const rows = parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true, record_delimiter: ["\r\n", "\n", "\r"] }) as string[][]
    // Blank lines (often at the end of a file) carry nothing.
    return rows.filter((r) => r.length > 1 || (r[0] ?? "").trim() !== "")
  } catch (err) {
    const e = err as Error & { code?: string; lines?: number }
    const line = e.lines ?? "?"
    if (e.code === "CSV_QUOTE_NOT_CLOSED") {
      throw new CsvError(`Line ${line}: a quoted field is not closed`)
    }
    if (e.code === "INVALID_OPENING_QUOTE" || e.code === "CSV_INVALID_CLOSING_QUOTE") {
      throw new CsvError(`Line ${line}: a quote inside an unquoted field`)
    }
    throw new CsvError(`Line ${line}: ${e.message}`)
  }
}
