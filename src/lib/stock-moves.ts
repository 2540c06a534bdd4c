/**
 * Pieces leaving a branch's stock other than by a sale — sent to another branch, given on approval: the rules
 * both stock transfers and approval memos hold them to (src/workflows/stock/steps/move-branch-stock.ts), and how
 * their notes list tags. Pure.
 */

/** A requested piece with the stock of its inventory item at the sending branch's location. */
export type FreeStockCheck = { tag_code: string; quantity: number; stocked: number; reserved: number }

/**
 * What stops pieces leaving a branch (sent to another, given on approval): each needs its quantity free there
 * (stocked less what orders have reserved). One message per piece that cannot go, naming it and why; empty when
 * all can.
 */
export function freeStockProblems(pieces: FreeStockCheck[], branchName: string): string[] {
  return pieces.flatMap((p) => {
    const free = Math.max(0, p.stocked - p.reserved)
    if (free >= p.quantity) {
      return []
    }
    if (p.stocked <= 0) {
      return [`${p.tag_code} is not in stock at ${branchName}`]
    }
    return [`${p.tag_code}: ${p.quantity} asked, ${free} free at ${branchName} (${p.stocked} in stock, ${p.reserved} reserved for orders)`]
  })
}

/** Tags asked for more than once in one note (compared as scanned: trimmed, any case), each named once. */
export function repeatedTags(tags: string[]): string[] {
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const tag of tags.map(normalTag)) {
    if (seen.has(tag)) {
      repeated.add(tag)
    }
    seen.add(tag)
  }
  return [...repeated]
}

/** A tag as the catalogue keeps it: scanners and people add spaces and lower case. */
export function normalTag(tag: string): string {
  return tag.trim().toUpperCase()
}
