import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CsvError, parseCsv } from "../../../../lib/csv"
import { readIntakeSheet, type IntakeError } from "../../../../lib/stock-intake"
import type { ImportQueryType } from "../validators"
import { checkJewelryIntakeWorkflow, importJewelryStockWorkflow } from "../../../../workflows/jewelry"

const MAX_BYTES = 20 * 1024 * 1024

async function readBody(req: MedusaRequest): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as unknown as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BYTES) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The file is larger than ${MAX_BYTES / 1024 / 1024} MB; split it into smaller files`)
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/**
 * POST /admin/jewelry/import?mode=all|partial — stock intake from a CSV file
 * (UTF-8, one row per piece; columns in docs/api.md). Every row is checked
 * first; with mode=all (the default) a file with any problem imports nothing.
 */
export async function POST(req: MedusaRequest<unknown, ImportQueryType>, res: MedusaResponse) {
  const { mode } = req.validatedQuery as ImportQueryType
  const bytes = await readBody(req)
  let text: string
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "The file is not UTF-8 text. Save it from the spreadsheet as \"CSV UTF-8\".")
  }
  let rows: string[][]
  try {
    rows = parseCsv(text.replace(/^\uFEFF/, ""))
  } catch (e) {
    if (e instanceof CsvError) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The file is not valid CSV: ${e.message}`)
    }
    throw e
  }
  const sheet = readIntakeSheet(rows)
  if (sheet.fatal) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, sheet.fatal)
  }
  const { result: checked } = await checkJewelryIntakeWorkflow(req.scope).run({ input: { pieces: sheet.pieces } })
  const errors: IntakeError[] = [...sheet.errors, ...checked.errors].sort((a, b) => a.row - b.row)
  const rowsWithErrors = new Set(errors.map((e) => e.row)).size

  if (errors.length && mode === "all") {
    res.status(400).json({
      type: MedusaError.Types.INVALID_DATA,
      message: `${rowsWithErrors} of ${rows.length - 1} rows have problems; nothing was imported. Fix them, or send mode=partial to import the other rows.`,
      imported: 0,
      errors,
    })
    return
  }
  if (!checked.valid.length) {
    res.status(400).json({ type: MedusaError.Types.INVALID_DATA, message: "No row can be imported.", imported: 0, errors })
    return
  }
  const { result } = await importJewelryStockWorkflow(req.scope).run({ input: { pieces: checked.valid } })
  // The tags brought in, in the sheet's order: the page prints their labels next.
  res.status(201).json({ imported: result.imported, skipped_rows: rowsWithErrors, errors, tags: checked.valid.map((p) => p.tag_code) })
}
