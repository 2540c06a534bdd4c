/**
 * The preference model's data: who showed interest in which piece, how, and
 * when; and what each piece is. Read from the shop's database or from two CSV
 * files (docs/preferences.md gives their columns), checked row by row.
 *
 * A hallmarked piece is one of a kind: once sold it is gone. What a customer's
 * taste predicts is therefore a **design** (the pieces sharing a design code;
 * a piece without one stands alone), and a design's attributes are those of
 * its pieces.
 */
import { parseCsv } from "../csv"
import { gramsToMg, rupeesToPaise } from "../money"

export const INTERACTION_KINDS = ["purchase", "wishlist", "enquiry", "view"] as const
export type InteractionKind = (typeof INTERACTION_KINDS)[number]

export type Interaction = { customer_id: string; item_id: string; at: Date; kind: InteractionKind }

export type Item = {
  item_id: string
  metal: string
  /** Fineness in parts per thousand (916 for 22 karat), or null when not given. */
  purity: number | null
  category: string
  design_code: string | null
  net_weight_mg: number | null
  price_paise: number | null
}

/** How much each kind of interest counts: a purchase is what the model is judged on, a glance the least. */
export const KIND_WEIGHT: Record<InteractionKind, number> = { purchase: 1, wishlist: 0.5, enquiry: 0.3, view: 0.1 }

/** Interest halves every six months: last Diwali's purchase says more than one from three years ago. */
export const HALF_LIFE_DAYS = 180

export function interactionWeight(kind: InteractionKind, at: Date, now: Date): number {
  const days = Math.max(0, (now.getTime() - at.getTime()) / 86_400_000)
  return KIND_WEIGHT[kind] * Math.pow(0.5, days / HALF_LIFE_DAYS)
}

/** The budget bands of a customer's profile, applied to a design's price. */
export const PRICE_BANDS = [
  { band: "under_25k", below_paise: 25_000_00 },
  { band: "from_25k_to_1l", below_paise: 1_00_000_00 },
  { band: "from_1l_to_5l", below_paise: 5_00_000_00 },
  { band: "above_5l", below_paise: Infinity },
] as const
export type PriceBand = (typeof PRICE_BANDS)[number]["band"]

export function priceBand(pricePaise: number | null): PriceBand | null {
  return pricePaise === null ? null : PRICE_BANDS.find((b) => pricePaise < b.below_paise)!.band
}

export function designOf(item: Item): string {
  return item.design_code ? `design:${item.design_code}` : `item:${item.item_id}`
}

export class PreferenceDataError extends Error {}

const ITEM_COLUMNS = ["item_id", "metal", "purity", "category", "design_code", "net_weight_g", "price_inr"] as const
const INTERACTION_COLUMNS = ["customer_id", "item_id", "timestamp", "kind"] as const

/** Rows of a CSV as objects by header name, each with its line number; a missing column is refused by name. */
function csvRecords(text: string, file: string, columns: readonly string[]): { line: number; get: (column: string) => string }[] {
  let rows: string[][]
  try {
    rows = parseCsv(text)
  } catch (err) {
    throw new PreferenceDataError(`${file}: ${(err as Error).message}`)
  }
  if (!rows.length) {
    throw new PreferenceDataError(`${file} is empty: its first line names the columns ${columns.join(",")}`)
  }
  const header = rows[0].map((h) => h.trim().toLowerCase())
  const missing = columns.filter((c) => !header.includes(c))
  if (missing.length) {
    throw new PreferenceDataError(`${file} has no column ${missing.join(", ")} (its columns are ${columns.join(",")})`)
  }
  const index = new Map(header.map((h, i) => [h, i]))
  return rows.slice(1).map((row, i) => ({ line: i + 2, get: (column: string) => (row[index.get(column)!] ?? "").trim() }))
}

export function readItemsCsv(text: string, file = "items.csv"): Item[] {
  const seen = new Set<string>()
  return csvRecords(text, file, ITEM_COLUMNS).map(({ line, get }) => {
    const where = `${file} line ${line}`
    const item_id = get("item_id")
    if (!item_id) {
      throw new PreferenceDataError(`${where}: item_id is empty`)
    }
    if (seen.has(item_id)) {
      throw new PreferenceDataError(`${where}: item ${item_id} is listed twice`)
    }
    seen.add(item_id)
    const metal = get("metal").toLowerCase()
    const category = get("category").toLowerCase()
    if (!metal || !category) {
      throw new PreferenceDataError(`${where}: metal and category are needed`)
    }
    const purityText = get("purity")
    const purity = purityText === "" ? null : Number(purityText)
    if (purity !== null && !(Number.isInteger(purity) && purity > 0 && purity <= 1000)) {
      throw new PreferenceDataError(`${where}: purity "${purityText}" is not a fineness in parts per thousand (e.g. 916)`)
    }
    const parse = (column: string, convert: (v: string) => number, what: string) => {
      const value = get(column)
      if (value === "") {
        return null
      }
      let n = -1
      try {
        n = convert(value)
      } catch {
        // Refused below, with the row and column.
      }
      if (n < 0) {
        throw new PreferenceDataError(`${where}: ${column} "${value}" is not ${what}`)
      }
      return n
    }
    return {
      item_id,
      metal,
      purity,
      category,
      design_code: get("design_code") || null,
      net_weight_mg: parse("net_weight_g", gramsToMg, "a weight in grams (up to three decimals)"),
      price_paise: parse("price_inr", rupeesToPaise, "an amount in rupees (up to two decimals)"),
    }
  })
}

export function readInteractionsCsv(text: string, items: ReadonlyMap<string, Item>, file = "interactions.csv"): Interaction[] {
  return csvRecords(text, file, INTERACTION_COLUMNS).map(({ line, get }) => {
    const where = `${file} line ${line}`
    const customer_id = get("customer_id")
    const item_id = get("item_id")
    if (!customer_id || !item_id) {
      throw new PreferenceDataError(`${where}: customer_id and item_id are needed`)
    }
    if (!items.has(item_id)) {
      throw new PreferenceDataError(`${where}: item ${item_id} is not in the items file`)
    }
    const kind = get("kind").toLowerCase()
    if (!(INTERACTION_KINDS as readonly string[]).includes(kind)) {
      throw new PreferenceDataError(`${where}: kind "${get("kind")}" is not one of ${INTERACTION_KINDS.join(", ")}`)
    }
    const stamp = get("timestamp")
    // ISO 8601 dates or instants, or Unix seconds; nothing a locale could read two ways.
    const at = /^\d{9,11}$/.test(stamp) ? new Date(Number(stamp) * 1000) : /^\d{4}-\d{2}-\d{2}/.test(stamp) ? new Date(stamp) : new Date(NaN)
    if (Number.isNaN(at.getTime())) {
      throw new PreferenceDataError(`${where}: timestamp "${stamp}" is not an ISO 8601 date or time, or Unix seconds`)
    }
    return { customer_id, item_id, at, kind: kind as InteractionKind }
  })
}
