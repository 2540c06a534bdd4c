/**
 * Stock transfers between branches (docs/counter.md, "Stock transfers"): the rules that decide whether pieces
 * may leave a branch, what a scan at the receiving branch is, and what a closed transfer reports. Pure: the
 * stock-transfer module stores transfers, the workflows move the stock.
 *
 * A transfer note lists pieces by tag. Dispatching it takes them out of the sending branch's stock at once, so
 * while they travel they are sellable nowhere (`in_transit`). At the receiving branch each piece is scanned:
 * a piece on the note joins that branch's stock as it is scanned (`received`); a tag not on the note is
 * flagged (`extra`) and moves no stock. Closing the receipt marks what never arrived as `short`: it stays out
 * of every branch's stock until someone finds it (a stock audit's extra piece). A transfer nothing of which
 * has been received may be cancelled by the sender: its pieces go back into the sender's stock.
 */

import { mulDivHalfUp } from "./money"

export const STOCK_TRANSFER_STATUSES = ["in_transit", "received", "cancelled"] as const
export type StockTransferStatus = (typeof STOCK_TRANSFER_STATUSES)[number]

export const TRANSFER_LINE_RESULTS = ["in_transit", "received", "short", "extra"] as const
export type TransferLineResult = (typeof TRANSFER_LINE_RESULTS)[number]

/** The most pieces one transfer note carries (a tray of coins under one tag counts as its quantity). */
export const MAX_TRANSFER_LINES = 500

export type TransferAction = "scan" | "close" | "cancel"

/** Why a transfer in `status` cannot take `action`, or null when it can. */
export function transferStatusProblem(status: StockTransferStatus, action: TransferAction): string | null {
  if (status === "in_transit") {
    return null
  }
  const what = { scan: "takes no more scans", close: "cannot be closed again", cancel: "cannot be cancelled" }[action]
  return status === "received" ? `This transfer was received and closed; it ${what}` : `This transfer was cancelled; it ${what}`
}

export type TransferLineCounts = { result: TransferLineResult; quantity: number }

export type StockTransferSummary = {
  /** Pieces the note lists, by tag and by quantity. */
  sent: { tags: number; quantity: number }
  received: { tags: number; quantity: number }
  /** On the note, not (yet) received: in transit while the transfer is open, short once it is closed. */
  in_transit: { tags: number; quantity: number }
  short: { tags: number; quantity: number }
  /** Scanned at the receiving branch, not on the note. */
  extra: { tags: number; quantity: number }
  /** Everything on the note arrived and nothing else did. */
  complete: boolean
}

/** A transfer's figures from its lines. */
export function summarizeTransfer(lines: TransferLineCounts[]): StockTransferSummary {
  const sum = (results: TransferLineResult[]) => {
    const of = lines.filter((l) => results.includes(l.result))
    return { tags: of.length, quantity: of.reduce((n, l) => n + l.quantity, 0) }
  }
  const summary = {
    sent: sum(["in_transit", "received", "short"]),
    received: sum(["received"]),
    in_transit: sum(["in_transit"]),
    short: sum(["short"]),
    extra: sum(["extra"]),
  }
  return { ...summary, complete: summary.in_transit.tags + summary.short.tags + summary.extra.tags === 0 }
}

/**
 * The document that goes with the pieces. Between branches in different states (two GST registrations) the
 * transfer is a supply between distinct persons, so the challan carries both registrations, each piece's
 * value and the IGST that applies to it; within one state (one registration) it is a delivery challan for
 * goods moved without a sale (CGST Rules, rule 55), values for information only.
 */
export function challanKind(fromStateCode: string, toStateCode: string): "inter_state" | "intra_state" {
  return fromStateCode.trim() !== toStateCode.trim() ? "inter_state" : "intra_state"
}

/** IGST on an inter-state transfer's piece, in paise: its value at the HSN's rate (parts per 100 000, as GST_RATES), rounded to the paisa. */
export function transferTaxPaise(valuePaise: number, ratePer100k: number): number {
  return mulDivHalfUp(valuePaise, ratePer100k, 100_000)
}
