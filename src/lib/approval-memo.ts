/**
 * Approval memos (docs/counter.md, "Approval memos"): pieces a customer takes home to decide on. The rules that
 * say when a memo may be given, what may happen to each piece and when a memo is overdue. Pure: the
 * approval-memo module stores memos, the workflows move the stock.
 *
 * Giving pieces on approval takes them out of the branch's stock (they are with the customer: sellable
 * nowhere, the tag lookup says so). Each piece then comes back (`returned`, into the branch's stock again) or
 * is bought (`sold`, by a counter sale that names the memo); when no piece is still out the memo is closed.
 */

export const APPROVAL_MEMO_STATUSES = ["open", "closed"] as const
export type ApprovalMemoStatus = (typeof APPROVAL_MEMO_STATUSES)[number]

export const MEMO_LINE_STATES = ["out", "returned", "sold"] as const
export type MemoLineState = (typeof MEMO_LINE_STATES)[number]

/** How long a customer may keep pieces on approval: a day at least, a month at most. */
export const MEMO_MIN_DAYS = 1
export const MEMO_MAX_DAYS = 30
export const MEMO_DEFAULT_DAYS = 3

/** The most pieces one memo carries. */
export const MAX_MEMO_LINES = 50

const DAY_MS = 86_400_000

/** Why a memo cannot be due at `due`, given now, or null when it can. */
export function dueDateProblem(due: Date, now: Date): string | null {
  const days = (due.getTime() - now.getTime()) / DAY_MS
  if (days < MEMO_MIN_DAYS - 1 / 24) {
    return `due_at: pieces go on approval for at least ${MEMO_MIN_DAYS} day`
  }
  if (days > MEMO_MAX_DAYS) {
    return `due_at: pieces go on approval for at most ${MEMO_MAX_DAYS} days`
  }
  return null
}

/** The default due date: three days on, at the same time. */
export function defaultDueAt(now: Date): Date {
  return new Date(now.getTime() + MEMO_DEFAULT_DAYS * DAY_MS)
}

export type MemoLineAction = "return" | "sell"

/** Why a line in `state` cannot be returned or sold now, naming the tag; null when it can. */
export function memoLineProblem(tag: string, state: MemoLineState, action: MemoLineAction): string | null {
  if (state === "out") {
    return null
  }
  if (state === "returned") {
    return action === "return"
      ? `${tag} was returned already`
      : `${tag} was returned from this memo and is back in stock; sell it without the memo`
  }
  return `${tag} was sold from this memo already`
}

/** Whether a memo still has pieces out past its due date. */
export function isOverdue(memo: { status: ApprovalMemoStatus; due_at: Date | string }, now: Date): boolean {
  return memo.status === "open" && new Date(memo.due_at).getTime() < now.getTime()
}

export type MemoSummary = { out: number; returned: number; sold: number; pieces: number }

/** A memo's pieces by state (quantities). */
export function summarizeMemo(lines: { state: MemoLineState; quantity: number }[]): MemoSummary {
  const sum = (state: MemoLineState) => lines.filter((l) => l.state === state).reduce((n, l) => n + l.quantity, 0)
  return { out: sum("out"), returned: sum("returned"), sold: sum("sold"), pieces: lines.reduce((n, l) => n + l.quantity, 0) }
}
