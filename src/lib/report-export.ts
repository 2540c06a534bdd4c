/**
 * A report's table as a file (docs/reports.md): CSV (csv-stringify) or
 * Excel (exceljs), with Indian digit grouping — lakhs and crores — for
 * rupees and grams, and the period and filters in the file's name.
 */
import { once } from "node:events"
import type { Writable } from "node:stream"
import { finished } from "node:stream/promises"
import { stringify } from "csv-stringify/sync"
import ExcelJS from "exceljs"

export type ColumnKind = "text" | "count" | "rupees" | "grams"
export type ReportColumn = { header: string; kind: ColumnKind }
/** Rupees are given in paise and grams in milligrams: integers, turned into decimals here. */
export type ReportTable = { title: string; columns: ReportColumn[]; rows: (string | number | null)[][] }

/** 12345678.5 → "1,23,45,678.50": the last three digits, then pairs. */
export function indianNumber(value: number, decimals: number): string {
  const negative = value < 0
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split(".")
  const last3 = whole.slice(-3)
  const rest = whole.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ",")
  return `${negative ? "-" : ""}${rest ? `${rest},${last3}` : last3}${fraction ? `.${fraction}` : ""}`
}

/**
 * indianNumber in SQL, for files PostgreSQL writes itself (COPY … TO STDOUT):
 * `expr`, a numeric expression, as text with Indian grouping and `decimals`
 * places; null stays null. The pairs are grouped on the reversed digits,
 * so the SQL needs no look-ahead (and no `?`, which knex would bind).
 */
export function indianNumberSql(expr: string, decimals: number): string {
  const fixed = `to_char(abs(${expr}), 'FM${"9".repeat(17)}0${decimals ? `.${"0".repeat(decimals)}` : ""}')`
  const whole = decimals ? `split_part(${fixed}, '.', 1)` : fixed
  const grouped = `case when length(${whole}) > 3 then ltrim(reverse(regexp_replace(reverse(left(${whole}, -3)), '(\\d\\d)', '\\1,', 'g')), ',') || ',' || right(${whole}, 3) else ${whole} end`
  return `case when (${expr}) is null then null else case when (${expr}) < 0 then '-' else '' end || ${grouped}${decimals ? ` || '.' || split_part(${fixed}, '.', 2)` : ""} end`
}

/** A column's value in SQL as its CSV cell: rupees from paise, grams from milligrams, counts as they are. */
export function csvCellSql(kind: ColumnKind, expr: string): string {
  if (kind === "text") {
    return expr
  }
  return indianNumberSql(kind === "rupees" ? `(${expr})::numeric / 100` : kind === "grams" ? `(${expr})::numeric / 1000` : `(${expr})::numeric`, DECIMALS[kind])
}

const scaled = (kind: ColumnKind, value: number) => (kind === "rupees" ? value / 100 : kind === "grams" ? value / 1000 : value)
const DECIMALS: Record<ColumnKind, number> = { text: 0, count: 0, rupees: 2, grams: 3 }

type Row = ReportTable["rows"][number]

const csvCells = (columns: ReportColumn[], row: Row) =>
  row.map((value, i) => {
    const { kind } = columns[i]
    return value === null ? "" : kind === "text" || typeof value === "string" ? String(value) : indianNumber(scaled(kind, value), DECIMALS[kind])
  })

export function tableToCsv(table: ReportTable): string {
  // A byte-order mark, so Excel opens the file as UTF-8 (₹, names in Indian scripts).
  return `\ufeff${stringify([table.columns.map((c) => c.header), ...table.rows.map((row) => csvCells(table.columns, row))])}`
}

/** Excel's number format for Indian grouping (crores, lakhs, thousands), with `decimals` places. */
function indianFormat(decimals: number): string {
  const tail = decimals ? `.${"0".repeat(decimals)}` : ""
  return `[>=10000000]##\\,##\\,##\\,##0${tail};[>=100000]##\\,##\\,##0${tail};##,##0${tail}`
}

const sheetColumns = (columns: ReportColumn[]) =>
  columns.map((c) => ({
    header: c.header,
    width: Math.max(12, c.header.length + 2),
    style: c.kind === "text" ? {} : { numFmt: c.kind === "count" ? "0" : indianFormat(DECIMALS[c.kind]) },
  }))

const sheetCells = (columns: ReportColumn[], row: Row) => row.map((value, i) => (value === null || typeof value === "string" ? value : scaled(columns[i].kind, value)))

export async function tableToXlsx(table: ReportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(table.title.slice(0, 31))
  sheet.columns = sheetColumns(table.columns)
  sheet.getRow(1).font = { bold: true }
  for (const row of table.rows) {
    sheet.addRow(sheetCells(table.columns, row))
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/**
 * Writes a table too long to hold in memory to `out` as its batches arrive
 * (CSV a batch at a time, Excel through exceljs' streaming writer), waiting
 * for `out` to drain: memory stays at a batch whatever the length. Answers
 * the rows written.
 */
export async function streamTable(
  format: "csv" | "xlsx",
  { title, columns }: Pick<ReportTable, "title" | "columns">,
  batches: AsyncIterable<Row[]>,
  out: Writable
): Promise<number> {
  let rows = 0
  if (format === "xlsx") {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true })
    const sheet = workbook.addWorksheet(title.slice(0, 31))
    sheet.columns = sheetColumns(columns)
    for await (const batch of batches) {
      for (const row of batch) {
        sheet.addRow(sheetCells(columns, row)).commit()
      }
      rows += batch.length
    }
    sheet.commit()
    await workbook.commit()
    return rows
  }
  // A page of rows becomes one piece of CSV text and one write: few, short-lived objects however long the file.
  const write = async (text: string) => {
    if (!out.write(text)) {
      // A reader that went away never drains: stop reading batches then.
      await Promise.race([once(out, "drain"), once(out, "close").then(() => Promise.reject(new Error("the download was closed before its end")))])
    }
  }
  await write(`\ufeff${stringify([columns.map((c) => c.header)])}`)
  for await (const batch of batches) {
    if (batch.length) {
      await write(stringify(batch.map((row) => csvCells(columns, row))))
    }
    rows += batch.length
  }
  out.end()
  await finished(out)
  return rows
}

/** `sales-by-day_2026-11-01_2026-11-30_gold-916.csv`: what the file holds, safe in any file system. */
export function exportFileName(parts: (string | number | undefined | null)[], extension: string): string {
  const name = parts
    .filter((p) => p !== undefined && p !== null && p !== "")
    .map((p) => String(p).toLowerCase().replace(/[^a-z0-9.-]+/g, "-").replace(/^-+|-+$/g, ""))
    .filter(Boolean)
    .join("_")
  return `${name.slice(0, 150)}.${extension}`
}
