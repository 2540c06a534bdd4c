/**
 * The new-arrivals call list (docs/preferences.md): when pieces come into
 * stock, each branch's staff get the customers most likely to want them,
 * best first, each customer once with the pieces to show them. Pure: the
 * scores come from the current model's stored attribute shares
 * (customer_affinity), the branches from the customers' profiles.
 */
import { istDayStart } from "../messaging"
import type { PriceBand } from "./data"
import { AFFINITY_WEIGHTS, affinityScore, type Affinity, type Design } from "./recommenders"
import { reasonFor, type CustomerAffinityShare } from "./training"

/** A piece that came into stock, described as the model sees a design. */
export type NewPiece = {
  variant_id: string
  title: string
  tag_code: string | null
  category: string
  metal: string
  purity: number | null
  band: PriceBand | null
  /** The branch whose stock holds it (null when no branch's location stocks it). */
  branch_id: string | null
}

/** A customer's stored share of interest in one of a piece's attribute values, as the training stores it. */
export type AffinityShare = CustomerAffinityShare

/** How well a piece suits a customer: the attribute-affinity score (0–1) and why, in the shop's words. */
export type PieceMatch = { customer_id: string; variant_id: string; score: number; reason: string }

/** AFFINITY_WEIGHTS by the names the stored shares use. */
export const SHARE_WEIGHTS: Record<AffinityShare["attribute"], number> = {
  category: AFFINITY_WEIGHTS.category,
  metal: AFFINITY_WEIGHTS.metal,
  purity: AFFINITY_WEIGHTS.purity,
  price_band: AFFINITY_WEIGHTS.band,
}

export type CallListOptions = {
  /** Calls per branch, best first. */
  per_branch: number
  /** The least score worth a call (0–1): 0.5 is, say, the customer's usual category and metal. */
  min_score: number
  /** Pieces named in one call. */
  pieces_per_call: number
}

export const CALL_LIST_DEFAULTS: CallListOptions = { per_branch: 20, min_score: 0.5, pieces_per_call: 3 }

export type Call = {
  customer_id: string
  branch_id: string
  /** The best of the customer's pieces' scores. */
  score: number
  reason: string
  variant_ids: string[]
  titles: string[]
}

function designOfPiece(piece: NewPiece): Design {
  return { id: piece.variant_id, metal: piece.metal, purity: piece.purity, category: piece.category, band: piece.band, items: [piece.variant_id] }
}

/** Which stored share a piece's attribute value is filed under. */
export function pieceValues(piece: NewPiece): Record<AffinityShare["attribute"], string | null> {
  return { category: piece.category, metal: piece.metal, purity: piece.purity === null ? null : String(piece.purity), price_band: piece.band }
}

/**
 * Each customer's score for each piece from their shares of its category,
 * metal, purity and price band, scored as the attribute-affinity ranking
 * scores a design (`affinityScore`), with the reason the 360 would give.
 * Shares of other values are ignored.
 */
export function matchPieces(pieces: NewPiece[], shares: AffinityShare[]): PieceMatch[] {
  const byCustomer = new Map<string, Affinity>()
  for (const s of shares) {
    let a = byCustomer.get(s.customer_id)
    if (!a) {
      a = { category: new Map(), metal: new Map(), purity: new Map(), band: new Map() }
      byCustomer.set(s.customer_id, a)
    }
    ;(s.attribute === "price_band" ? a.band : a[s.attribute]).set(s.value, s.share)
  }
  const matches: PieceMatch[] = []
  for (const piece of pieces) {
    const design = designOfPiece(piece)
    for (const [customerId, a] of byCustomer) {
      const score = affinityScore(a, design)
      if (score > 0) {
        matches.push({ customer_id: customerId, variant_id: piece.variant_id, score, reason: reasonFor(a, design) })
      }
    }
  }
  return matches
}

const byScore = <T extends { score: number }>(key: (t: T) => string) => (a: T, b: T) => b.score - a.score || key(a).localeCompare(key(b))

/**
 * The calls to make: every customer with a piece scoring at least
 * `min_score`, once, at their home branch (or, with none, at the branch of
 * their best piece), naming their best pieces — those at that branch first
 * among equals; then each branch's best `per_branch` calls. `homeBranch`
 * holds every customer who may be called (one deleted or merged away since
 * the model was trained is not in it).
 */
export function newArrivalCalls(
  pieces: NewPiece[],
  matches: PieceMatch[],
  homeBranch: ReadonlyMap<string, string | null>,
  options: Partial<CallListOptions> = {}
): Call[] {
  const { per_branch, min_score, pieces_per_call } = { ...CALL_LIST_DEFAULTS, ...options }
  const pieceById = new Map(pieces.map((p) => [p.variant_id, p]))
  const perCustomer = new Map<string, PieceMatch[]>()
  for (const m of matches) {
    if (m.score >= min_score && pieceById.has(m.variant_id) && homeBranch.has(m.customer_id)) {
      const found = perCustomer.get(m.customer_id)
      if (found) {
        found.push(m)
      } else {
        perCustomer.set(m.customer_id, [m])
      }
    }
  }
  const perBranch = new Map<string, Call[]>()
  for (const [customerId, found] of perCustomer) {
    const best = [...found].sort(byScore((m) => m.variant_id))[0]
    const branchId = homeBranch.get(customerId) ?? pieceById.get(best.variant_id)!.branch_id
    if (!branchId) {
      continue
    }
    const atBranch = (m: PieceMatch) => (pieceById.get(m.variant_id)!.branch_id === branchId ? 0 : 1)
    const shown = [...found]
      .sort((a, b) => b.score - a.score || atBranch(a) - atBranch(b) || a.variant_id.localeCompare(b.variant_id))
      .slice(0, pieces_per_call)
    const call: Call = {
      customer_id: customerId,
      branch_id: branchId,
      score: shown[0].score,
      reason: shown[0].reason,
      variant_ids: shown.map((m) => m.variant_id),
      titles: shown.map((m) => pieceById.get(m.variant_id)!.title),
    }
    const calls = perBranch.get(branchId)
    if (calls) {
      calls.push(call)
    } else {
      perBranch.set(branchId, [call])
    }
  }
  return [...perBranch.keys()].sort().flatMap((branchId) => perBranch.get(branchId)!.sort(byScore((c) => c.customer_id)).slice(0, per_branch))
}

/** The follow-up task's title: what to show and why, within the task list's line. */
export function callTitle(call: Call): string {
  const pieces = call.titles.length > 1 ? `${call.titles.slice(0, -1).join(", ")} and ${call.titles[call.titles.length - 1]}` : call.titles[0]
  const title = `New arrivals to show: ${pieces} (${call.reason})`
  return title.length > 200 ? `${title.slice(0, 199)}…` : title
}

/** When a call is due: by 7 pm in India on the day after the list is made, while the pieces are new. */
export function callsDueAt(now: Date): Date {
  return new Date(istDayStart(now).getTime() + 86_400_000 + 19 * 3_600_000)
}
