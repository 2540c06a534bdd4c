/**
 * One piece per tag (docs/counter.md, "One piece per tag"): a tagged or hallmarked piece is one article,
 * in stock once at one place or not at all (sold, out on approval, in transit, at a karigar). Goods sold by
 * count under one tag (stock_unit "count") keep a quantity. These rules decide what intake and Medusa's own
 * stock-level routes may write.
 */
import type { StockUnit } from "./jewelry-attributes"

/** What a counted line may carry at intake: the intake sheet's limit. */
export const MAX_COUNTED_QUANTITY = 10_000

/** The problem with taking in `quantity` of one tag, or null. */
export function intakeQuantityProblem(unit: StockUnit, quantity: number): string | null {
  if (!Number.isSafeInteger(quantity) || quantity < 0 || quantity > MAX_COUNTED_QUANTITY) {
    return `must be a whole number from 0 to ${MAX_COUNTED_QUANTITY}`
  }
  if (unit === "piece" && quantity > 1) {
    return `a tagged piece is one article, so its quantity is 1 (or 0); give each of the ${quantity} articles its own tag, or mark goods sold by count with stock_unit "count"`
  }
  return null
}

export type PieceLevel = { location_id: string; stocked_quantity: number }

/**
 * What Medusa's own stock-level routes may do to a piece: lower it (a write-off, a correction) but never
 * raise it. A piece reaches a place only by intake, a transfer received, a memo or a sale returned, or a
 * stock audit's adjustment, each with its own record and lock. Returns the problem, or null.
 */
export function pieceLevelProblem(tag: string, now: PieceLevel[], asked: { location_id: string; stocked_quantity?: number }[], locationName: (id: string) => string = (id) => id): string | null {
  for (const change of asked) {
    if (change.stocked_quantity === undefined) {
      continue
    }
    const held = now.find((l) => l.location_id === change.location_id)?.stocked_quantity ?? 0
    if (change.stocked_quantity > held) {
      const where = now.filter((l) => l.stocked_quantity > 0).map((l) => locationName(l.location_id))
      return (
        `${tag} is one piece (${where.length ? `in stock at ${where.join(", ")}` : "in stock nowhere"}); ` +
        `its stock at ${locationName(change.location_id)} cannot be raised to ${change.stocked_quantity} here. ` +
        "A piece comes into stock by intake, a transfer received, a memo or sale returned, or a stock audit."
      )
    }
  }
  return null
}

/**
 * Why a tag that holds several articles (a catalogue from before this rule) cannot be split into pieces with
 * these new tags, or null: counted goods stay counted, a tag holding one article has nothing to split, every
 * article but the one keeping the tag needs a tag of its own, and a hallmarked tag's articles each their HUID.
 */
export function splitProblem(piece: { tag_code: string; stock_unit: StockUnit; hallmarked: boolean; in_stock: number }, articles: { huid?: string | null }[]): string | null {
  if (piece.stock_unit === "count") {
    return `${piece.tag_code} is counted goods, sold by count under one tag; it is not split`
  }
  if (piece.in_stock <= 1) {
    return `${piece.tag_code} holds ${piece.in_stock === 1 ? "one article" : "no article in stock"}; there is nothing to split`
  }
  if (articles.length !== piece.in_stock - 1) {
    return `${piece.tag_code} holds ${piece.in_stock} articles in stock: it keeps one, so give the other ${piece.in_stock - 1} a tag each (${articles.length} given)`
  }
  if (piece.hallmarked && articles.some((a) => !a.huid)) {
    return `${piece.tag_code} is hallmarked: each of its articles has a HUID of its own, so give each new tag its HUID`
  }
  return null
}

/**
 * Where a split tag's articles are: each unit of stock is one article, taken location by location in the order
 * given. The tag keeps the first; the new tags take the rest, one each.
 */
export function splitLocations(levels: PieceLevel[]): { keeps: string; articles: string[] } {
  const units = levels.flatMap((l) => Array.from({ length: Math.max(0, l.stocked_quantity) }, () => l.location_id))
  return { keeps: units[0], articles: units.slice(1) }
}
