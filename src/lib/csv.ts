/**
 * CSV as spreadsheets write it (RFC 4180): comma-separated, fields in double
 * quotes may hold commas, quotes ("") and line breaks; CRLF or LF line ends.
 */
export class CsvError extends Error {}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ""
  let quoted = false
  let i = 0
  let line = 1
  let quoteLine = 1
  while (i < text.length) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      if (c === "\n") {
        line++
      }
      field += c
      i++
      continue
    }
    if (c === '"') {
      if (field.length) {
        throw new CsvError(`Line ${line}: a quote inside an unquoted field`)
      }
      quoted = true
      quoteLine = line
    } else if (c === ",") {
      row.push(field)
      field = ""
    } else if (c === "\n" || c === "\r") {
      row.push(field)
      rows.push(row)
      row = []
      field = ""
      if (c === "\r" && text[i + 1] === "\n") {
        i++
      }
      line++
    } else {
      field += c
    }
    i++
  }
  if (quoted) {
    throw new CsvError(`Line ${quoteLine}: a quoted field is not closed`)
  }
  if (field.length || row.length) {
    row.push(field)
    rows.push(row)
  }
  // Blank lines (often at the end of a file) carry nothing.
  return rows.filter((r) => r.length > 1 || r[0].trim() !== "")
}
