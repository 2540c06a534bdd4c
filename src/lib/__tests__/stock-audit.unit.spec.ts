import {
  classifyScan,
  duplicateScanMessage,
  indiaClock,
  lineResult,
  statusProblem,
  stockAdjustments,
  summarizeAudit,
  UNCOUNTED_LINE_RESULT,
  type LineResult,
  type PostableLine,
  type ResultGroup,
  type StockElsewhere,
} from "../stock-audit"

// The worked example of docs/counter.md ("Stock audit"): Mumbai counts its stock. Pune and Bengaluru hold stock too.
const pune: StockElsewhere = { branch_id: "br_pun", branch_code: "PUN", branch_name: "Pune – Laxmi Road", location_id: "sloc_pun", stocked: 1 }
const bengaluru: StockElsewhere = { branch_id: "br_blr", branch_code: "BLR", branch_name: "Bengaluru – Commercial Street", location_id: "sloc_blr", stocked: 3 }
const mumbai = { branch_id: "br_mum", location_id: "sloc_mum" }

describe("stock audit: what a scan answers", () => {
  it("a tag in the snapshot is expected, whatever other branches hold", () => {
    expect(classifyScan({ known: true, expected_quantity: 1, elsewhere: [pune] })).toEqual({ result: "expected", belongs_to: null })
  })

  it("a known piece not expected here but in stock at Pune is misplaced and belongs to Pune", () => {
    expect(classifyScan({ known: true, expected_quantity: 0, elsewhere: [pune] })).toEqual({ result: "misplaced", belongs_to: pune })
  })

  it("of several branches holding it, it belongs to the one holding most (by code on a tie)", () => {
    expect(classifyScan({ known: true, expected_quantity: 0, elsewhere: [pune, bengaluru] }).belongs_to).toBe(bengaluru)
    expect(classifyScan({ known: true, expected_quantity: 0, elsewhere: [{ ...pune, stocked: 3 }, bengaluru] }).belongs_to).toBe(bengaluru)
  })

  it("a known piece with no stock here nor anywhere else is extra", () => {
    expect(classifyScan({ known: true, expected_quantity: 0, elsewhere: [] })).toEqual({ result: "extra", belongs_to: null })
    expect(classifyScan({ known: true, expected_quantity: 0, elsewhere: [{ ...pune, stocked: 0 }] })).toEqual({ result: "extra", belongs_to: null })
  })

  it("a tag no piece has is unknown", () => {
    expect(classifyScan({ known: false, expected_quantity: 0, elsewhere: [] })).toEqual({ result: "unknown", belongs_to: null })
  })
})

describe("stock audit: the report's verdict on a tag", () => {
  const cases: [string, number, number, Parameters<typeof lineResult>[0]["scan_result"], LineResult][] = [
    ["a ring expected and scanned", 1, 1, "expected", "found"],
    ["a ring expected and not scanned", 1, 0, null, "missing"],
    ["10 coins under one tag, 7 counted: 3 missing", 10, 7, "expected", "missing"],
    ["10 coins under one tag, 12 counted: 2 extra", 10, 12, "expected", "extra"],
    ["a piece nobody holds, scanned", 0, 1, "extra", "extra"],
    ["Pune's piece, scanned in Mumbai", 0, 1, "misplaced", "misplaced"],
    ["an unknown tag", 0, 1, "unknown", "unknown"],
  ]
  it.each(cases)("%s", (_what, expected, counted, scan, result) => {
    expect(lineResult({ expected_quantity: expected, counted_quantity: counted, scan_result: scan })).toBe(result)
  })

  it("an expected tag starts missing until it is counted", () => {
    expect(UNCOUNTED_LINE_RESULT).toBe("missing")
  })
})

describe("stock audit: the summary", () => {
  // Mumbai expected 13 tags of 6 pieces each, 78 in all. Counted: 11 tags in full, 4 of one tag (coins), another
  // not at all; one piece nobody holds (extra), Pune's piece (misplaced) and an unknown tag.
  const groups: ResultGroup[] = [
    { result: "found", lines: 11, expected_lines: 11, expected_quantity: 66, counted_lines: 11, counted_quantity: 66 },
    { result: "missing", lines: 2, expected_lines: 2, expected_quantity: 12, counted_lines: 1, counted_quantity: 4 },
    { result: "extra", lines: 1, expected_lines: 0, expected_quantity: 0, counted_lines: 1, counted_quantity: 1 },
    { result: "misplaced", lines: 1, expected_lines: 0, expected_quantity: 0, counted_lines: 1, counted_quantity: 1 },
    { result: "unknown", lines: 1, expected_lines: 0, expected_quantity: 0, counted_lines: 1, counted_quantity: 1 },
  ]

  it("sums expected and counted tags and pieces, and the pieces of each result", () => {
    expect(summarizeAudit(groups)).toEqual({
      expected: { tags: 13, quantity: 78 },
      counted: { tags: 15, quantity: 73 },
      lines: { found: 11, missing: 2, extra: 1, misplaced: 1, unknown: 1 },
      quantity: { found: 66, missing: 8, extra: 1, misplaced: 1, unknown: 1 },
      balanced: false,
    })
  })

  it("is balanced when everything expected was found and nothing else", () => {
    expect(summarizeAudit([groups[0]]).balanced).toBe(true)
    expect(summarizeAudit([]).expected).toEqual({ tags: 0, quantity: 0 })
  })
})

describe("stock audit: posting", () => {
  const line = (tag: string, result: LineResult, expected: number, counted: number, extra: Partial<PostableLine> = {}): PostableLine => ({
    tag_code: tag,
    result,
    expected_quantity: expected,
    counted_quantity: counted,
    scan_result: counted ? (expected ? "expected" : result === "misplaced" ? "misplaced" : "extra") : null,
    inventory_item_id: `iitem_${tag}`,
    found_at_branch_id: null,
    found_at_location_id: null,
    ...extra,
  })
  const levels = new Map([
    ["iitem_RING:sloc_mum", 1],
    ["iitem_COIN:sloc_mum", 6],
    ["iitem_NOBODY:sloc_mum", 0],
    ["iitem_PUNE:sloc_pun", 1],
  ])

  it("takes what is missing off Mumbai, adds what is extra, and moves Pune's piece to Mumbai", () => {
    const lines = [
      line("FOUND", "found", 1, 1),
      line("RING", "missing", 1, 0),
      line("COIN", "missing", 6, 4),
      line("NOBODY", "extra", 0, 1),
      line("PUNE", "misplaced", 0, 1, { found_at_branch_id: "br_pun", found_at_location_id: "sloc_pun" }),
      line("UNKNOWN", "unknown", 0, 1, { inventory_item_id: null }),
    ]
    expect(stockAdjustments(lines, mumbai, levels)).toEqual([
      { tag_code: "RING", inventory_item_id: "iitem_RING", location_id: "sloc_mum", branch_id: "br_mum", from: 1, to: 0, reason: "missing" },
      { tag_code: "COIN", inventory_item_id: "iitem_COIN", location_id: "sloc_mum", branch_id: "br_mum", from: 6, to: 4, reason: "missing" },
      { tag_code: "NOBODY", inventory_item_id: "iitem_NOBODY", location_id: "sloc_mum", branch_id: "br_mum", from: 0, to: 1, reason: "extra" },
      { tag_code: "PUNE", inventory_item_id: "iitem_PUNE", location_id: "sloc_pun", branch_id: "br_pun", from: 1, to: 0, reason: "misplaced_out" },
      { tag_code: "PUNE", inventory_item_id: "iitem_PUNE", location_id: "sloc_mum", branch_id: "br_mum", from: 0, to: 1, reason: "misplaced_in" },
    ])
  })

  it("never takes a level below 0, and leaves out changes that come to nothing", () => {
    // The missing ring was sold after the audit was opened: its level is 0 already.
    const sold = new Map([["iitem_RING:sloc_mum", 0]])
    expect(stockAdjustments([line("RING", "missing", 1, 0)], mumbai, sold)).toEqual([])
    // Pune's piece was sold at Pune meanwhile: nothing to take there, Mumbai still gains it.
    expect(stockAdjustments([line("PUNE", "misplaced", 0, 1, { found_at_branch_id: "br_pun", found_at_location_id: "sloc_pun" })], mumbai, new Map())).toEqual([
      { tag_code: "PUNE", inventory_item_id: "iitem_PUNE", location_id: "sloc_mum", branch_id: "br_mum", from: 0, to: 1, reason: "misplaced_in" },
    ])
  })

  it("changes nothing for a piece without an inventory item", () => {
    expect(stockAdjustments([line("NOBODY", "extra", 0, 1, { inventory_item_id: null })], mumbai, levels)).toEqual([])
  })
})

describe("stock audit: refusals", () => {
  it("names when and by whom a tag was scanned before, in India time", () => {
    const at = new Date("2026-12-05T08:35:00Z") // 14:05 in India
    expect(indiaClock(at)).toBe("14:05")
    expect(duplicateScanMessage("SGJ-RNG-LAK-22K-12", at, "Priya Shah")).toBe(
      "Tag SGJ-RNG-LAK-22K-12 was already scanned in this audit at 14:05 by Priya Shah; change its count instead"
    )
    expect(indiaClock(new Date("2026-12-05T18:40:00Z"))).toBe("00:10")
  })

  it("scans and closes only an open audit, posts a closed one (again: a posted one), cancels what is not posted", () => {
    expect(statusProblem("open", "scan")).toBeNull()
    expect(statusProblem("closed", "scan")).toBe("This audit cannot be scanned into: it is closed; its report is final")
    expect(statusProblem("open", "post")).toBe("This audit cannot be posted: it is still open; close it first")
    expect(statusProblem("closed", "post")).toBeNull()
    expect(statusProblem("posted", "post")).toBeNull()
    expect(statusProblem("cancelled", "post")).toBe("This audit cannot be posted: it is cancelled")
    expect(statusProblem("posted", "cancel")).toBe("This audit cannot be cancelled: it is posted already")
    expect(statusProblem("closed", "close")).toBe("This audit cannot be closed: it is closed; its report is final")
  })
})
