/**
 * Stock audit by tag scan (docs/counter.md, "Stock audit"): the rules that
 * classify what a count finds against what the branch's stock says, sum up
 * the report, and turn it into stock adjustments. Pure: the module stores
 * the audit, the routes and workflows read and write through it.
 *
 * An audit snapshots the branch's stock when it is opened: every tag with
 * stock at the branch's stock location (in a category, if one is given) is
 * an expected line with its quantity (a tag of coins may hold several).
 * Each scan then answers at once what the piece is:
 *
 * - `expected`: in the snapshot.
 * - `misplaced`: not expected here, but in stock at another branch now (it
 *   belongs there; the scan says which).
 * - `extra`: a known tag with no stock here in the snapshot nor anywhere else now.
 * - `unknown`: no piece has this tag.
 *
 * The report has one line per tag, expected or scanned:
 *
 * - `found`: counted as many as expected.
 * - `missing`: expected and counted fewer (or not scanned at all): the
 *   difference is missing.
 * - `extra`: counted more than expected (an unexpected known piece counts
 *   from nothing): the difference is extra.
 * - `misplaced`, `unknown`: as the scan said.
 */

export const STOCK_AUDIT_STATUSES = ["open", "closed", "posted", "cancelled"] as const
export type StockAuditStatus = (typeof STOCK_AUDIT_STATUSES)[number]

export const SCAN_RESULTS = ["expected", "extra", "misplaced", "unknown"] as const
export type ScanResult = (typeof SCAN_RESULTS)[number]

export const LINE_RESULTS = ["found", "missing", "extra", "misplaced", "unknown"] as const
export type LineResult = (typeof LINE_RESULTS)[number]

/** The most of one tag a scan may count (a tray of coins under one tag). */
export const MAX_SCAN_QUANTITY = 10_000

/** Where a piece is in stock at another branch now (stock above 0). */
export type StockElsewhere = { branch_id: string; branch_code: string; branch_name: string; location_id: string; stocked: number }

/** What the catalogue and the audit's snapshot say about a scanned tag. */
export type ScannedPiece = {
  /** Whether a piece has this tag. */
  known: boolean
  /** Its quantity in the audit's snapshot; 0 when it was not in stock here. */
  expected_quantity: number
  /** Its stock at other branches now. */
  elsewhere: StockElsewhere[]
}

export type ScanClassification = { result: ScanResult; belongs_to: StockElsewhere | null }

/**
 * What a scan answers. Expected wins (a piece in this branch's snapshot is
 * this branch's, whatever else holds it); an unknown tag is unknown; a known
 * piece in stock elsewhere belongs to the branch holding most of it (by code
 * on a tie); otherwise it is extra.
 */
export function classifyScan(piece: ScannedPiece): ScanClassification {
  if (piece.expected_quantity > 0) {
    return { result: "expected", belongs_to: null }
  }
  if (!piece.known) {
    return { result: "unknown", belongs_to: null }
  }
  const holders = piece.elsewhere.filter((e) => e.stocked > 0)
  if (holders.length) {
    const [first] = [...holders].sort((a, b) => b.stocked - a.stocked || a.branch_code.localeCompare(b.branch_code))
    return { result: "misplaced", belongs_to: first }
  }
  return { result: "extra", belongs_to: null }
}

/** A report line's counts: its expected quantity (0 when not expected), what was counted (0 when not scanned), and what the scan said. */
export type LineCounts = { expected_quantity: number; counted_quantity: number; scan_result: ScanResult | null }

/** The report's verdict on one tag (see the top of the file). */
export function lineResult(line: LineCounts): LineResult {
  if (line.expected_quantity > 0) {
    if (line.counted_quantity < line.expected_quantity) {
      return "missing"
    }
    return line.counted_quantity > line.expected_quantity ? "extra" : "found"
  }
  if (line.scan_result === "misplaced" || line.scan_result === "unknown") {
    return line.scan_result
  }
  return "extra"
}

/** The line an unscanned expected tag starts as: all of it missing until it is counted. */
export const UNCOUNTED_LINE_RESULT: LineResult = lineResult({ expected_quantity: 1, counted_quantity: 0, scan_result: null })

/** The lines of one result summed, as the module reads them (one row per result present). */
export type ResultGroup = {
  result: LineResult
  lines: number
  /** Of those, lines of tags the snapshot expected, and the quantity it expected. */
  expected_lines: number
  expected_quantity: number
  /** Of those, lines scanned, and the quantity counted. */
  counted_lines: number
  counted_quantity: number
}

export type StockAuditSummary = {
  /** Tags and pieces the snapshot expected. */
  expected: { tags: number; quantity: number }
  /** Tags scanned and pieces counted. */
  counted: { tags: number; quantity: number }
  /** Report lines per result. */
  lines: Record<LineResult, number>
  /** Pieces per result: found, missing (expected, not counted), extra (counted beyond what was expected), misplaced and unknown (counted). */
  quantity: Record<LineResult, number>
  /** Whether the count matches the snapshot: nothing missing, extra, misplaced or unknown. */
  balanced: boolean
}

/** The audit's figures from its lines summed per result. */
export function summarizeAudit(groups: ResultGroup[]): StockAuditSummary {
  const zero = () => Object.fromEntries(LINE_RESULTS.map((r) => [r, 0])) as Record<LineResult, number>
  const lines = zero()
  const quantity = zero()
  const expected = { tags: 0, quantity: 0 }
  const counted = { tags: 0, quantity: 0 }
  for (const g of groups) {
    lines[g.result] += g.lines
    expected.tags += g.expected_lines
    expected.quantity += g.expected_quantity
    counted.tags += g.counted_lines
    counted.quantity += g.counted_quantity
    quantity[g.result] += g.result === "found" ? g.counted_quantity : Math.abs(g.counted_quantity - g.expected_quantity)
  }
  return { expected, counted, lines, quantity, balanced: lines.missing + lines.extra + lines.misplaced + lines.unknown === 0 }
}

/** A report line as posting needs it. */
export type PostableLine = LineCounts & {
  tag_code: string
  result: LineResult
  inventory_item_id: string | null
  /** A misplaced piece: the branch and stock location it was in stock at when scanned. */
  found_at_branch_id: string | null
  found_at_location_id: string | null
}

/** A change to one stock level: from the quantity there now to the quantity after posting. */
export type StockAdjustment = {
  tag_code: string
  inventory_item_id: string
  location_id: string
  /** The branch of that stock location. */
  branch_id: string | null
  from: number
  to: number
  reason: "missing" | "extra" | "misplaced_out" | "misplaced_in"
}

/**
 * The stock adjustments that post a closed audit of the branch and stock
 * location `here`, from its lines and the stock levels now (`levels`: `${inventory_item_id}:${location_id}` →
 * stocked quantity; absent is none):
 *
 * - missing: the audit's location loses what is missing (never below 0);
 * - extra: the audit's location gains what is extra;
 * - misplaced: the location it was found in stock at loses what was counted
 *   (never below 0), the audit's location gains it;
 * - found and unknown lines (no piece to adjust) change nothing, nor does a
 *   line of a piece without an inventory item.
 *
 * Changes that come to nothing (missing from a level already at 0) are left out.
 */
export function stockAdjustments(lines: PostableLine[], here: { branch_id: string; location_id: string }, levels: ReadonlyMap<string, number>): StockAdjustment[] {
  const now = new Map(levels)
  const out: StockAdjustment[] = []
  const move = (line: PostableLine, location: string, branchId: string | null, delta: number, reason: StockAdjustment["reason"]) => {
    const key = `${line.inventory_item_id}:${location}`
    const from = now.get(key) ?? 0
    const to = Math.max(0, from + delta)
    if (to !== from) {
      now.set(key, to)
      out.push({ tag_code: line.tag_code, inventory_item_id: line.inventory_item_id!, location_id: location, branch_id: branchId, from, to, reason })
    }
  }
  for (const line of lines) {
    if (!line.inventory_item_id) {
      continue
    }
    const difference = line.counted_quantity - line.expected_quantity
    if (line.result === "missing") {
      move(line, here.location_id, here.branch_id, difference, "missing")
    } else if (line.result === "extra") {
      move(line, here.location_id, here.branch_id, difference, "extra")
    } else if (line.result === "misplaced") {
      if (line.found_at_location_id && line.found_at_location_id !== here.location_id) {
        move(line, line.found_at_location_id, line.found_at_branch_id, -line.counted_quantity, "misplaced_out")
      }
      move(line, here.location_id, here.branch_id, line.counted_quantity, "misplaced_in")
    }
  }
  return out
}

/** "14:05": a time of day in India (UTC+05:30 all year), as the counter reads it. */
export function indiaClock(at: Date): string {
  const local = new Date(at.getTime() + 330 * 60_000)
  return `${String(local.getUTCHours()).padStart(2, "0")}:${String(local.getUTCMinutes()).padStart(2, "0")}`
}

/** The refusal of a tag scanned a second time into one audit. */
export function duplicateScanMessage(tagCode: string, scannedAt: Date, scannedBy: string | null): string {
  return `Tag ${tagCode} was already scanned in this audit at ${indiaClock(scannedAt)}${scannedBy ? ` by ${scannedBy}` : ""}; change its count instead`
}

/** Why an audit in `status` cannot take `action`, or null when it can. */
export function statusProblem(status: StockAuditStatus, action: "scan" | "close" | "post" | "cancel"): string | null {
  const allowed: Record<typeof action, StockAuditStatus[]> = { scan: ["open"], close: ["open"], post: ["closed", "posted"], cancel: ["open", "closed"] }
  if (allowed[action].includes(status)) {
    return null
  }
  const what: Record<StockAuditStatus, string> = {
    open: "still open; close it first",
    closed: "closed; its report is final",
    posted: "posted already",
    cancelled: "cancelled",
  }
  const verb = { scan: "scanned into", close: "closed", post: "posted", cancel: "cancelled" }[action]
  return `This audit cannot be ${verb}: it is ${what[status]}`
}
