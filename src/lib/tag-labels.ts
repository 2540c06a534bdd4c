/**
 * Tag labels (docs/counter.md, "Tag labels"): the label stocks jewellers
 * print on, where each label of a print run falls, and what a piece's label
 * says. Pure; the PDF is drawn by tag-labels-pdf.ts.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { KARATS, roundToRupee } from "./pricing"

/** How a label is laid out: a barbell tag (two printable wings around the tail that loops through the piece) or a flat card. */
export type LabelShape = "barbell" | "card"

export type LabelStock = {
  id: string
  name: string
  shape: LabelShape
  /** The label, in millimetres. */
  width_mm: number
  height_mm: number
  /** Sheets (laser printers): the page and the grid; rolls (thermal printers) print a page a label. */
  sheet?: { page_width_mm: number; page_height_mm: number; columns: number; rows: number; left_mm: number; top_mm: number; pitch_x_mm: number; pitch_y_mm: number }
}

export const LABEL_STOCKS: readonly LabelStock[] = [
  // The jewellery "barbell" (dumbbell) tag on thermal rolls: wings of 32 mm either side of a 31 mm tail.
  { id: "barbell_95x12", name: "Barbell tag 95 × 12 mm (thermal roll)", shape: "barbell", width_mm: 95, height_mm: 12 },
  { id: "card_50x25", name: "Label 50 × 25 mm (thermal roll)", shape: "card", width_mm: 50, height_mm: 25 },
  { id: "card_38x25", name: "Label 38 × 25 mm (thermal roll)", shape: "card", width_mm: 38, height_mm: 25 },
  // 65 to an A4 sheet (38.1 × 21.2 mm, as Avery L7651 and its equivalents) for laser and inkjet printers.
  {
    id: "a4_65",
    name: "A4 sheet of 65 (38.1 × 21.2 mm)",
    shape: "card",
    width_mm: 38.1,
    height_mm: 21.2,
    sheet: { page_width_mm: 210, page_height_mm: 297, columns: 5, rows: 13, left_mm: 4.75, top_mm: 10.7, pitch_x_mm: 40.6, pitch_y_mm: 21.2 },
  },
]

export const LABEL_STOCK_IDS = LABEL_STOCKS.map((s) => s.id) as [string, ...string[]]

export function labelStock(id: string): LabelStock {
  const stock = LABEL_STOCKS.find((s) => s.id === id)
  if (!stock) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown label stock "${id}"; known: ${LABEL_STOCK_IDS.join(", ")}`)
  }
  return stock
}

/** The barbell tag's wings (millimetres from its left edge): the tail between them takes no print. */
export const BARBELL_WINGS = { left: { x: 1, width: 30 }, right: { x: 64, width: 30 } } as const

export type LabelPlacement = { page: number; x_mm: number; y_mm: number }

/**
 * Where each of `count` labels falls: on a roll, a page each at its corner;
 * on a sheet, row by row from `skip` labels in (a sheet partly used before).
 */
export function labelPlacements(stock: LabelStock, count: number, skip = 0): LabelPlacement[] {
  const sheet = stock.sheet
  if (!sheet) {
    return Array.from({ length: count }, (_, page) => ({ page, x_mm: 0, y_mm: 0 }))
  }
  const perPage = sheet.columns * sheet.rows
  return Array.from({ length: count }, (_, i) => {
    const slot = i + skip
    const onPage = slot % perPage
    return {
      page: Math.floor(slot / perPage),
      x_mm: round2(sheet.left_mm + (onPage % sheet.columns) * sheet.pitch_x_mm),
      y_mm: round2(sheet.top_mm + Math.floor(onPage / sheet.columns) * sheet.pitch_y_mm),
    }
  })
}

const round2 = (n: number) => Math.round(n * 100) / 100

export type LabelPiece = {
  tag_code: string
  metal: string
  purity: number
  gross_weight_mg: number
  net_weight_mg: number
  stone_weight_mg: number
  huid: string | null
  /** Before GST, as last priced; printed only when asked for. */
  price_paise?: number | null
}

const grams = (mg: number) => (mg / 1000).toFixed(3)

/** "22K 916", "Silver 925", "Pt 950". */
export function purityLabel(metal: string, purity: number): string {
  if (metal === "gold") {
    return KARATS[purity] ? `${KARATS[purity]} ${purity}` : `Gold ${purity}`
  }
  return `${{ silver: "Silver", platinum: "Pt" }[metal] ?? metal} ${purity}`
}

/**
 * What a piece's label says besides its barcode: purity, gross and net
 * weight (and stones when there are any), the HUID, and the price when asked.
 */
export function labelLines(piece: LabelPiece, { price = false }: { price?: boolean } = {}): string[] {
  return [
    purityLabel(piece.metal, piece.purity),
    `G ${grams(piece.gross_weight_mg)} g`,
    `N ${grams(piece.net_weight_mg)} g`,
    ...(piece.stone_weight_mg > 0 ? [`St ${grams(piece.stone_weight_mg)} g`] : []),
    ...(piece.huid ? [`HUID ${piece.huid}`] : []),
    // "Rs": the label printers' built-in and the PDF's standard fonts have no rupee sign.
    ...(price && piece.price_paise ? [`Rs ${(roundToRupee(piece.price_paise) / 100).toLocaleString("en-IN")}`] : []),
  ]
}
