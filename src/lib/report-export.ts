/**
 * A report's table as a file (docs/reports.md): CSV (csv-stringify) or
 * Excel (exceljs), with Indian digit grouping — lakhs and crores — for
 * rupees and grams, and the period and filters in the file's name.
 */
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

const scaled = (kind: ColumnKind, value: number) => (kind === "rupees" ? value / 100 : kind === "grams" ? value / 1000 : value)
const DECIMALS: Record<ColumnKind, number> = { text: 0, count: 0, rupees: 2, grams: 3 }

export function tableToCsv(table: ReportTable): string {
  const cells = table.rows.map((row) =>
    row.map((value, i) => {
      const { kind } = table.columns[i]
      return value === null ? "" : kind === "text" || typeof value === "string" ? String(value) : indianNumber(scaled(kind, value), DECIMALS[kind])
    })
  )
  // A byte-order mark, so Excel opens the file as UTF-8 (₹, names in Indian scripts).
  return `\ufeff${stringify([table.columns.map((c) => c.header), ...cells])}`
}

/** Excel's number format for Indian grouping (crores, lakhs, thousands), with `decimals` places. */
function indianFormat(decimals: number): string {
  const tail = decimals ? `.${"0".repeat(decimals)}` : ""
  return `[>=10000000]##\\,##\\,##\\,##0${tail};[>=100000]##\\,##\\,##0${tail};##,##0${tail}`
}

export async function tableToXlsx(table: ReportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(table.title.slice(0, 31))
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    width: Math.max(12, c.header.length + 2),
    style: c.kind === "text" ? {} : { numFmt: c.kind === "count" ? "0" : indianFormat(DECIMALS[c.kind]) },
  }))
  sheet.getRow(1).font = { bold: true }
  for (const row of table.rows) {
    sheet.addRow(row.map((value, i) => (value === null || typeof value === "string" ? value : scaled(table.columns[i].kind, value))))
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
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
