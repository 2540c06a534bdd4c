/**
 * RFM segments (docs/reports.md, "Customers"): a customer's recency and
 * frequency scores, 1 to 5 by percentile rank among the shop's buyers, name
 * the group they are in. The grid below covers all 25 pairs; the segment
 * rules of the offers read the same scores (src/lib/segments.ts).
 */

/**
 * A score 1–5 by percentile rank over `order` (SQL): equal values share a
 * score, and the top customer scores 5 even in a shop of three.
 */
export const rfmScoreSql = (order: string) => `least(5, 1 + floor(percent_rank() over (order by ${order}) * 5))::int`

export const RFM_SEGMENTS = ["champions", "loyal", "potential", "new", "attention", "at_risk", "hibernating", "lost"] as const
export type RfmSegment = (typeof RFM_SEGMENTS)[number]

export const RFM_LABELS: Record<RfmSegment, string> = {
  champions: "Champions",
  loyal: "Loyal",
  potential: "Potential loyalists",
  new: "New",
  attention: "Need attention",
  at_risk: "At risk",
  hibernating: "Hibernating",
  lost: "Lost",
}

/**
 * Recency 5 and frequency 5 is a champion; bought recently once, new;
 * bought often but not lately, at risk; neither, lost.
 *
 * | R \ F | 1 | 2 | 3 | 4 | 5 |
 * |---|---|---|---|---|---|
 * | 5, 4 | new | potential | potential | champions | champions |
 * | 3 | attention | attention | attention | loyal | loyal |
 * | 2 | hibernating | hibernating | at risk | at risk | at risk |
 * | 1 | lost | lost | at risk | at risk | at risk |
 */
export function rfmSegment(recency: number, frequency: number): RfmSegment {
  if (recency >= 4) {
    return frequency >= 4 ? "champions" : frequency >= 2 ? "potential" : "new"
  }
  if (recency === 3) {
    return frequency >= 4 ? "loyal" : "attention"
  }
  if (frequency >= 3) {
    return "at_risk"
  }
  return recency === 2 ? "hibernating" : "lost"
}

/** Customers counted by their scores at two instants; no scores at the first: not yet a buyer then. */
export type ScoreMove = { r0: number | null; f0: number | null; r1: number; f1: number; customers: number }

export type RfmMovement = {
  /** Each segment's size at the start and at the end ("none" at the start: customers who had not bought yet). */
  sizes: { segment: RfmSegment; start: number; end: number }[]
  /** From one segment to another (the same segment: stayed), largest first. */
  moves: { from: RfmSegment | "none"; to: RfmSegment; customers: number }[]
}

/** The score pairs' counts as segment sizes and moves between segments. */
export function rfmMovement(rows: ScoreMove[]): RfmMovement {
  const start = new Map<RfmSegment, number>()
  const end = new Map<RfmSegment, number>()
  const moves = new Map<string, { from: RfmSegment | "none"; to: RfmSegment; customers: number }>()
  for (const r of rows) {
    const from = r.r0 === null || r.f0 === null ? "none" : rfmSegment(r.r0, r.f0)
    const to = rfmSegment(r.r1, r.f1)
    if (from !== "none") {
      start.set(from, (start.get(from) ?? 0) + r.customers)
    }
    end.set(to, (end.get(to) ?? 0) + r.customers)
    const key = `${from}>${to}`
    const move = moves.get(key) ?? moves.set(key, { from, to, customers: 0 }).get(key)!
    move.customers += r.customers
  }
  return {
    sizes: RFM_SEGMENTS.map((segment) => ({ segment, start: start.get(segment) ?? 0, end: end.get(segment) ?? 0 })),
    moves: [...moves.values()].sort((a, b) => b.customers - a.customers || `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`)),
  }
}
