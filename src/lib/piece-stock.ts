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
