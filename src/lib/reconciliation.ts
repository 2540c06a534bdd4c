/**
 * The day's money by branch and tender, as a pure function of its entries:
 * captured, refunded and failed payments, counts and totals in whole
 * paise (refused rather than rounded past exact arithmetic), net =
 * captured − refunded.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { TENDER_LABELS, tenderOfProvider } from "./pos"

export type ReconciliationKind = "captured" | "refunded" | "failed"

export type ReconciliationEntry = {
  kind: ReconciliationKind
  paise: number
  provider_id: string
  /** The payment's data.mode: a Razorpay payment link is a tender of its own. */
  mode?: string | null
  branch_id: string | null
}

export type Sum = { count: number; paise: number }
export type TenderSummary = { tender: string; label: string; captured: Sum; refunded: Sum; failed: Sum; net_paise: number }
export type BranchSummary = { branch_id: string | null; tenders: TenderSummary[]; totals: Omit<TenderSummary, "tender" | "label"> }

/** The tender an entry counts under. */
export function tenderOf(entry: Pick<ReconciliationEntry, "provider_id" | "mode">): string {
  const tender = tenderOfProvider(entry.provider_id)
  return tender === "razorpay" && entry.mode === "payment_link" ? "razorpay_link" : tender
}

function exact(paise: bigint): number {
  if (paise > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `A total of ${paise} paise is too large to report exactly`)
  }
  return Number(paise)
}

const TENDER_ORDER = ["cash", "card", "upi", "razorpay", "razorpay_link", "paypal", "old_gold", "scheme", "points", "system", "other"]

function total(items: { captured: Sum; refunded: Sum; failed: Sum }[]) {
  const sum = (pick: (t: { captured: Sum; refunded: Sum; failed: Sum }) => Sum): Sum => {
    let paise = 0n
    let count = 0
    for (const t of items) {
      paise += BigInt(pick(t).paise)
      count += pick(t).count
    }
    return { count, paise: exact(paise) }
  }
  const captured = sum((t) => t.captured)
  const refunded = sum((t) => t.refunded)
  return { captured, refunded, failed: sum((t) => t.failed), net_paise: captured.paise - refunded.paise }
}

/** Groups entries by branch (unassigned last) and tender (counter tenders first), with totals at each level. */
export function reconcile(entries: ReconciliationEntry[]): { branches: BranchSummary[]; totals: Omit<TenderSummary, "tender" | "label"> } {
  const byBranch = new Map<string | null, Map<string, { captured: { count: number; paise: bigint }; refunded: { count: number; paise: bigint }; failed: { count: number; paise: bigint } }>>()
  for (const e of entries) {
    if (!Number.isSafeInteger(e.paise) || e.paise < 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `A reconciliation entry of ${e.paise} paise`)
    }
    const tenders = byBranch.get(e.branch_id) ?? new Map()
    byBranch.set(e.branch_id, tenders)
    const tender = tenderOf(e)
    const row = tenders.get(tender) ?? { captured: { count: 0, paise: 0n }, refunded: { count: 0, paise: 0n }, failed: { count: 0, paise: 0n } }
    tenders.set(tender, row)
    row[e.kind].count += 1
    row[e.kind].paise += BigInt(e.paise)
  }
  const rank = (t: string) => (TENDER_ORDER.includes(t) ? TENDER_ORDER.indexOf(t) : TENDER_ORDER.length)
  const branches: BranchSummary[] = [...byBranch.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([branchId, tenders]) => {
      const rows = [...tenders.entries()]
        .sort(([a], [b]) => rank(a) - rank(b))
        .map(([tender, r]) => {
          const captured = { count: r.captured.count, paise: exact(r.captured.paise) }
          const refunded = { count: r.refunded.count, paise: exact(r.refunded.paise) }
          return { tender, label: TENDER_LABELS[tender] ?? tender, captured, refunded, failed: { count: r.failed.count, paise: exact(r.failed.paise) }, net_paise: captured.paise - refunded.paise }
        })
      return { branch_id: branchId, tenders: rows, totals: total(rows) }
    })
  return { branches, totals: total(branches.map((b) => b.totals)) }
}
