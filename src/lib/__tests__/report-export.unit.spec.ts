import ExcelJS from "exceljs"
import { strFromU8, unzipSync } from "fflate"
import { PassThrough } from "node:stream"
import { exportFileName, indianNumber, streamTable, tableToCsv, tableToXlsx, type ReportTable } from "../report-export"

const table: ReportTable = {
  title: "Sales by branch",
  columns: [
    { header: "Branch", kind: "text" },
    { header: "Pieces", kind: "count" },
    { header: "Net weight (g)", kind: "grams" },
    { header: "Revenue (₹)", kind: "rupees" },
  ],
  rows: [
    ["Mumbai, Zaveri Bazaar", 12, 123_456, 1_23_45_678_50],
    ["Pune", -1, -4_240, -3_267_392],
  ],
}

describe("report export", () => {
  it("groups digits the Indian way: thousands, then lakhs and crores", () => {
    expect(indianNumber(12345678.5, 2)).toBe("1,23,45,678.50")
    expect(indianNumber(999, 0)).toBe("999")
    expect(indianNumber(100000, 0)).toBe("1,00,000")
    expect(indianNumber(-32673.92, 2)).toBe("-32,673.92")
  })

  it("writes CSV with a byte-order mark, quoted where a field holds a comma, rupees and grams as decimals", () => {
    expect(tableToCsv(table)).toBe(
      '\ufeffBranch,Pieces,Net weight (g),Revenue (₹)\n"Mumbai, Zaveri Bazaar",12,123.456,"1,23,45,678.50"\nPune,-1,-4.240,"-32,673.92"\n'
    )
  })

  it("writes an Excel sheet of numbers, formatted in lakhs and crores", async () => {
    const file = await tableToXlsx(table)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file as never)
    const sheet = workbook.getWorksheet("Sales by branch")!
    expect(sheet.getRow(1).values).toEqual([undefined, "Branch", "Pieces", "Net weight (g)", "Revenue (₹)"])
    expect(sheet.getRow(2).values).toEqual([undefined, "Mumbai, Zaveri Bazaar", 12, 123.456, 12345678.5])
    // The commas past the thousands are literal (\,), as Excel needs for lakhs; exceljs drops the escape on reading, so the file itself is read.
    const styles = strFromU8(unzipSync(new Uint8Array(file))["xl/styles.xml"])
    expect(styles).toContain('formatCode="[&gt;=10000000]##\\,##\\,##\\,##0.00;[&gt;=100000]##\\,##\\,##0.00;##,##0.00"')
  })

  it("names the file after the report, its period and filters", () => {
    expect(exportFileName(["sales-by-day", "2026-11-01", "2026-11-30", undefined, "Gold 916", ""], "csv")).toBe("sales-by-day_2026-11-01_2026-11-30_gold-916.csv")
  })

  it("streams a table in batches as the same CSV, and as an Excel workbook with the same cells", async () => {
    async function* batches() {
      yield [table.rows[0]]
      yield []
      yield [table.rows[1]]
    }
    const collect = (out: PassThrough) => {
      const chunks: Buffer[] = []
      out.on("data", (c: Buffer) => chunks.push(c))
      return () => Buffer.concat(chunks)
    }
    const csvOut = new PassThrough()
    const csv = collect(csvOut)
    expect(await streamTable("csv", table, batches(), csvOut)).toBe(2)
    expect(csv().toString("utf8")).toBe(tableToCsv(table))

    const xlsxOut = new PassThrough()
    const xlsx = collect(xlsxOut)
    expect(await streamTable("xlsx", table, batches(), xlsxOut)).toBe(2)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx() as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]
    expect(sheet.getRow(2).values).toEqual([undefined, "Mumbai, Zaveri Bazaar", 12, 123.456, 12345678.5])
    expect(sheet.getCell("D3").numFmt).toContain("##,##0.00")
  })
})
