/**
 * What the stock on the shelves is worth and how long it has sat there
 * (docs/reports.md, "The stock report"). A group's metal is valued at
 * today's rate for its metal and purity at its branch — the branch's own
 * rate, else the shop's, else derived from the 999 rate as the catalogue
 * prices it (src/lib/pricing) — on its net weight, half up to the paisa.
 */
import { mulDivHalfUp, roundedRatio } from "./money"
import { istDayRange, istToday } from "./pos"
import { addDays } from "./savings-schemes"
import { resolveMetalRate, type PublishedRate } from "./pricing"

/** Days since a piece came into a branch: the buckets the ageing columns count. */
export const AGEING_BUCKETS = [
  { key: "0-90", label: "0–90 days", from: 0, to: 90 },
  { key: "91-180", label: "91–180 days", from: 91, to: 180 },
  { key: "181-365", label: "181–365 days", from: 181, to: 365 },
  { key: "365+", label: "Over a year", from: 366, to: null },
] as const

export type AgeingKey = (typeof AGEING_BUCKETS)[number]["key"]

/**
 * The first instant of each bucket but the last, in bucket order: a piece
 * is in the first bucket whose instant it came in at or after (else the
 * last, dead stock). A bucket that ends `to` days ago starts at 00:00 India
 * time on that day.
 */
export function ageingCutoffs(now: Date): Date[] {
  const today = istToday(now)
  return AGEING_BUCKETS.filter((b) => b.to !== null).map((b) => istDayRange(addDays(today, -b.to!)).from)
}

/** Stock of one group at one branch in one metal and purity, as the stock query sums it. */
export type StockGroup = {
  key: string
  branch_id: string
  metal: string
  purity: number
  pieces: number
  gross_weight_mg: number
  net_weight_mg: number
  /** The pieces' prices as last computed (taxable value), summed. */
  price_paise: number
  /** What the pieces whose cost is known cost, and how many of the pieces those are. */
  cost_paise: number
  costed_pieces: number
  ageing: Record<AgeingKey, number>
}

/** What stock amounts to: the stock report's row and a day's snapshot alike. */
export type StockValue = {
  pieces: number
  gross_weight_mg: number
  net_weight_mg: number
  /** Net weight at the day's rate; pieces whose rate is unknown are counted in `unvalued_pieces` instead. */
  metal_value_paise: number
  unvalued_pieces: number
  price_paise: number
  /** At cost: what the `costed_pieces` (those with a cost from the intake) cost; the rest have none. */
  cost_paise: number
  costed_pieces: number
}

export type StockRow = StockValue & { key: string; ageing: Record<AgeingKey, number> }

const emptyAgeing = (): Record<AgeingKey, number> => Object.fromEntries(AGEING_BUCKETS.map((b) => [b.key, 0])) as Record<AgeingKey, number>

const emptyFigures = (): Omit<StockRow, "key"> => ({
  pieces: 0,
  gross_weight_mg: 0,
  net_weight_mg: 0,
  metal_value_paise: 0,
  unvalued_pieces: 0,
  price_paise: 0,
  cost_paise: 0,
  costed_pieces: 0,
  ageing: emptyAgeing(),
})

/** A group's metal at its branch's rate for its metal and purity, half up to the paisa; null when there is no rate. */
export function groupMetalValue(g: Pick<StockGroup, "metal" | "purity" | "branch_id" | "net_weight_mg">, rates: PublishedRate[]): number | null {
  const rate = resolveMetalRate(rates, { metal: g.metal as PublishedRate["metal"], purity: g.purity, branch_id: g.branch_id })
  return rate ? mulDivHalfUp(g.net_weight_mg, rate.rate_per_g_paise, 1000) : null
}

/** The groups summed per key, each valued at its branch's rate; keys in the order first met. */
export function valueStock(groups: StockGroup[], rates: PublishedRate[]): StockRow[] {
  const rows = new Map<string, StockRow>()
  for (const g of groups) {
    const row =
      rows.get(g.key) ??
      rows.set(g.key, { key: g.key, ...emptyFigures() }).get(g.key)!
    const value = groupMetalValue(g, rates)
    row.pieces += g.pieces
    row.gross_weight_mg += g.gross_weight_mg
    row.net_weight_mg += g.net_weight_mg
    row.price_paise += g.price_paise
    row.cost_paise += g.cost_paise
    row.costed_pieces += g.costed_pieces
    if (value !== null) {
      row.metal_value_paise += value
    } else {
      row.unvalued_pieces += g.pieces
    }
    for (const b of AGEING_BUCKETS) {
      row.ageing[b.key] += g.ageing[b.key]
    }
  }
  return [...rows.values()]
}

/** The sum of rows (the report's totals). */
export function stockTotals(rows: StockRow[]): Omit<StockRow, "key"> {
  const total = emptyFigures()
  for (const r of rows) {
    total.pieces += r.pieces
    total.gross_weight_mg += r.gross_weight_mg
    total.net_weight_mg += r.net_weight_mg
    total.metal_value_paise += r.metal_value_paise
    total.unvalued_pieces += r.unvalued_pieces
    total.price_paise += r.price_paise
    total.cost_paise += r.cost_paise
    total.costed_pieces += r.costed_pieces
    for (const b of AGEING_BUCKETS) {
      total.ageing[b.key] += r.ageing[b.key]
    }
  }
  return total
}

export type MoverFigures = {
  /** Of what was on hand over the window (sold in it plus in stock now), the share sold; null when there was none. */
  sell_through: number | null
  /** Days the stock now would last at the window's pace of sales; null when nothing sold. */
  days_of_cover: number | null
}

/**
 * How fast a design or category moves (docs/reports.md, "Fast and slow
 * movers"): 6 sold in 90 days with 2 in stock is a sell-through of 75 % and
 * 30 days of cover; 0 sold with 5 in stock has no cover figure — it is not
 * moving at all.
 */
export function moverFigures(sold: number, inStock: number, days: number): MoverFigures {
  const onHand = Math.max(0, sold) + Math.max(0, inStock)
  return {
    sell_through: roundedRatio(Math.max(0, sold), onHand, 4),
    days_of_cover: sold > 0 ? roundedRatio(Math.max(0, inStock) * days, sold, 1) : null,
  }
}
