/**
 * Stock intake from a spreadsheet: one row per piece. Turns each row into a
 * piece in integer units, or into sentences saying what is wrong, with the
 * row number as the spreadsheet shows it (the header is row 1).
 */
import { MedusaError } from "@medusajs/framework/utils"
import { normalDesignCode, sheetDesignProblems } from "./design-products"
import { attributeProblems, isValidHuid, isValidTagCode, normalizeHuid, STOCK_UNITS, type StockUnit } from "./jewelry-attributes"
import { intakeQuantityProblem, MAX_COUNTED_QUANTITY } from "./piece-stock"
import { caratsToMct, gramsToMg, percentToBp, rupeesToPaise } from "./money"
import { GST_RATES, METALS, type Metal, type StoneLine } from "./pricing"

export const REQUIRED_COLUMNS = [
  "tag_code",
  "category",
  "metal",
  "purity",
  "gross_weight_g",
  "net_weight_g",
  "making_type",
  "making_value",
  "branch",
  "quantity",
] as const

export const OPTIONAL_COLUMNS = [
  "title",
  "huid",
  "design_code",
  "size",
  "stone_weight_g",
  "stones",
  "wastage_percent",
  "other_charges",
  "hsn",
  "pricing_mode",
  "price",
  "cost",
  "stock_unit",
] as const

export const MAX_INTAKE_ROWS = 10_000

export type IntakePiece = {
  row: number
  tag_code: string
  category: string
  branch: string
  /** 1 (or 0) for a piece; any count for goods sold by count. */
  quantity: number
  stock_unit: StockUnit
  title: string | null
  metal: Metal
  purity: number
  gross_weight_mg: number
  net_weight_mg: number
  stone_weight_mg: number
  stones: StoneLine[]
  making_type: "per_gram" | "percent" | "flat"
  making_value: number
  wastage_bp: number
  other_charges_paise: number
  hsn: string
  huid: string | null
  design_code: string | null
  size: string | null
  pricing_mode: "rate_based" | "fixed"
  fixed_price_paise?: number
  /** What the shop paid for one piece (rupees in the sheet), when known: the stock report values stock at it. */
  cost_paise?: number
}

export type IntakeError = { row: number; reason: string }

/** Checks the header: every required column once, nothing unknown. */
export function headerProblems(header: string[]): string[] {
  const names = header.map((h) => h.trim().toLowerCase())
  const known = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS])
  const problems: string[] = []
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c))
  if (missing.length) {
    problems.push(`Missing columns: ${missing.join(", ")}`)
  }
  const unknown = names.filter((n) => !known.has(n))
  if (unknown.length) {
    problems.push(`Unknown columns: ${unknown.join(", ")} (known: ${[...known].join(", ")})`)
  }
  const repeated = names.filter((n, i) => names.indexOf(n) !== i)
  if (repeated.length) {
    problems.push(`Columns given twice: ${[...new Set(repeated)].join(", ")}`)
  }
  return problems
}

/**
 * "diamond:12:0.36:65000; ruby:1:0.10:=1200" — type:count:carats:price per
 * carat, or =fixed price for the line (rupees).
 */
export function parseStones(text: string): StoneLine[] {
  if (!text.trim()) {
    return []
  }
  return text.split(";").map((part) => {
    const [type, count, carats, price, ...rest] = part.split(":").map((s) => s.trim())
    if (!type || !count || !carats || !price || rest.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `stone "${part.trim()}" must read type:count:carats:price_per_carat (or =fixed_price)`)
    }
    if (!/^\d+$/.test(count) || Number(count) < 1) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `stone "${part.trim()}": count must be a whole number of at least 1`)
    }
    const weight = caratsToMct(carats)
    return price.startsWith("=")
      ? { type, count: Number(count), weight_mct: weight, fixed_price_paise: rupeesToPaise(price.slice(1)) }
      : { type, count: Number(count), weight_mct: weight, price_per_carat_paise: rupeesToPaise(price) }
  })
}

/** One data row (already split into cells, keyed by lower-case column name). */
export function readIntakeRow(cells: Record<string, string>, row: number): { piece: IntakePiece } | { errors: IntakeError[] } {
  const errors: string[] = []
  const get = (name: string) => (cells[name] ?? "").trim()
  const convert = <T>(name: string, parse: (v: string) => T, required = true): T | undefined => {
    const value = get(name)
    if (!value) {
      if (required) {
        errors.push(`${name} is empty`)
      }
      return undefined
    }
    try {
      return parse(value)
    } catch (e) {
      errors.push(`${name}: ${(e as Error).message}`)
      return undefined
    }
  }

  const metal = get("metal").toLowerCase() as Metal
  if (!METALS.includes(metal)) {
    errors.push(`metal "${get("metal")}" must be one of ${METALS.join(", ")}`)
  }
  const purity = convert("purity", (v) => {
    if (!/^\d+$/.test(v)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `"${v}" is not a fineness like 916`)
    }
    return Number(v)
  })
  const gross = convert("gross_weight_g", gramsToMg)
  const net = convert("net_weight_g", gramsToMg)
  const stones = convert("stones", parseStones, false) ?? []
  const stoneWeight = convert("stone_weight_g", gramsToMg, false) ?? 0
  const makingType = get("making_type").toLowerCase()
  if (!["per_gram", "percent", "flat"].includes(makingType)) {
    errors.push(`making_type "${get("making_type")}" must be per_gram, percent or flat`)
  }
  const makingValue = convert("making_value", makingType === "percent" ? percentToBp : rupeesToPaise)
  const wastage = convert("wastage_percent", percentToBp, false) ?? 0
  const other = convert("other_charges", rupeesToPaise, false) ?? 0
  const hsn = get("hsn") || "7113"
  if (GST_RATES[hsn] === undefined) {
    errors.push(`hsn ${hsn} is not one of ${Object.keys(GST_RATES).join(", ")}`)
  }
  const unit = (get("stock_unit") || "piece").toLowerCase() as StockUnit
  if (!STOCK_UNITS.includes(unit)) {
    errors.push(`stock_unit "${get("stock_unit")}" must be piece or count`)
  }
  const quantity = convert("quantity", (v) => {
    const problem = /^\d+$/.test(v) ? intakeQuantityProblem(STOCK_UNITS.includes(unit) ? unit : "count", Number(v)) : `"${v}" must be a whole number from 0 to ${MAX_COUNTED_QUANTITY}`
    if (problem) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
    }
    return Number(v)
  })
  const huidRaw = get("huid")
  const huid = huidRaw ? normalizeHuid(huidRaw) : null
  if (huid && !isValidHuid(huid)) {
    errors.push(`HUID "${huidRaw}" must be exactly 6 characters, A–Z and 0–9`)
  }
  const tag = get("tag_code")
  if (!isValidTagCode(tag)) {
    errors.push(`tag_code "${tag}" must be 3–40 letters, digits or dashes`)
  }
  const mode = (get("pricing_mode") || "rate_based").toLowerCase()
  if (mode !== "rate_based" && mode !== "fixed") {
    errors.push(`pricing_mode "${get("pricing_mode")}" must be rate_based or fixed`)
  }
  const price = convert("price", rupeesToPaise, mode === "fixed")
  const cost = convert("cost", rupeesToPaise, false)
  if (!get("category")) {
    errors.push("category is empty")
  }
  if (!get("branch")) {
    errors.push("branch is empty")
  }
  if (get("design_code").length > 40) {
    errors.push(`design_code "${get("design_code")}" is longer than 40 characters`)
  }
  if (get("size").length > 20) {
    errors.push(`size "${get("size")}" is longer than 20 characters`)
  }

  if (!errors.length) {
    errors.push(
      ...attributeProblems({
        metal,
        purity: purity!,
        gross_weight_mg: gross!,
        net_weight_mg: net!,
        stone_weight_mg: stoneWeight,
        stones,
        huid,
        stock_unit: unit,
      })
    )
  }
  if (errors.length) {
    return { errors: errors.map((reason) => ({ row, reason })) }
  }
  return {
    piece: {
      row,
      tag_code: tag.toUpperCase(),
      category: get("category").toLowerCase(),
      branch: get("branch").toUpperCase(),
      quantity: quantity!,
      stock_unit: unit,
      title: get("title") || null,
      metal,
      purity: purity!,
      gross_weight_mg: gross!,
      net_weight_mg: net!,
      stone_weight_mg: stoneWeight,
      stones,
      making_type: makingType as IntakePiece["making_type"],
      making_value: makingValue!,
      wastage_bp: wastage,
      other_charges_paise: other,
      hsn,
      huid,
      design_code: get("design_code") ? normalDesignCode(get("design_code")) : null,
      size: get("size") || null,
      pricing_mode: mode as IntakePiece["pricing_mode"],
      ...(price !== undefined ? { fixed_price_paise: price } : {}),
      ...(cost !== undefined ? { cost_paise: cost } : {}),
    },
  }
}

/** Reads a whole sheet: header checks, then every row, then repeats within the file and designs split across categories. */
export function readIntakeSheet(rows: string[][]): { pieces: IntakePiece[]; errors: IntakeError[]; fatal?: string } {
  if (!rows.length) {
    return { pieces: [], errors: [], fatal: "The file is empty" }
  }
  const header = rows[0].map((h) => h.trim().toLowerCase())
  const problems = headerProblems(rows[0])
  if (problems.length) {
    return { pieces: [], errors: [], fatal: problems.join("; ") }
  }
  const data = rows.slice(1)
  if (data.length > MAX_INTAKE_ROWS) {
    return {
      pieces: [],
      errors: [],
      fatal: `The file has ${data.length} rows; at most ${MAX_INTAKE_ROWS} are taken at once. Split it into smaller files.`,
    }
  }
  const pieces: IntakePiece[] = []
  const errors: IntakeError[] = []
  data.forEach((cells, i) => {
    const row = i + 2
    if (cells.length !== header.length) {
      errors.push({ row, reason: `has ${cells.length} cells, the header has ${header.length}` })
      return
    }
    const result = readIntakeRow(Object.fromEntries(header.map((h, c) => [h, cells[c]])), row)
    if ("errors" in result) {
      errors.push(...result.errors)
    } else {
      pieces.push(result.piece)
    }
  })
  const firstRowOf = new Map<string, number>()
  for (const piece of pieces) {
    for (const key of [`tag ${piece.tag_code}`, ...(piece.huid ? [`HUID ${piece.huid}`] : [])]) {
      const first = firstRowOf.get(key)
      if (first !== undefined) {
        errors.push({ row: piece.row, reason: `${key} is already used in row ${first}` })
      } else {
        firstRowOf.set(key, piece.row)
      }
    }
  }
  errors.push(...sheetDesignProblems(pieces))
  const badRows = new Set(errors.map((e) => e.row))
  return { pieces: pieces.filter((p) => !badRows.has(p.row)), errors: errors.sort((a, b) => a.row - b.row) }
}
