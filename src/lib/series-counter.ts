/**
 * The next number of a gap-free document series kept in a counter table (one row per series, created on
 * first use): taken under the row's lock inside the caller's transaction, so two documents of one series
 * never get one number and a rolled-back document gives its number back.
 */
import { generateEntityId } from "@medusajs/framework/utils"
import { documentNumber, financialYear, type NumberedDocumentType } from "./tax-documents"

/** The counter tables that hold series this way, with the id prefix of their rows. */
const COUNTERS = { old_gold_counter: "ogctr", scheme_counter: "schctr", stock_transfer_counter: "stxctr", approval_memo_counter: "apctr", job_card_counter: "jobctr", karigar_issue_counter: "kictr" } as const

type Transaction = { execute(sql: string, params: unknown[]): Promise<unknown> }

export async function takeNextInSeries(db: Transaction, table: keyof typeof COUNTERS, series: string): Promise<number> {
  await db.execute(
    `insert into ${table} (id, series, last_sequence, created_at, updated_at) values (?, ?, 0, now(), now())
     on conflict (series) where deleted_at is null do nothing`,
    [generateEntityId(undefined, COUNTERS[table]), series]
  )
  const [counter] = (await db.execute(`select id, last_sequence from ${table} where series = ? for update`, [series])) as { id: string; last_sequence: number }[]
  const sequence = Number(counter.last_sequence) + 1
  await db.execute(`update ${table} set last_sequence = ?, updated_at = now() where id = ?`, [sequence, counter.id])
  return sequence
}

/**
 * Gives the number of a document withdrawn by a failed workflow back to its series, when no later document has
 * taken the next one (then the gap stays: numbers already printed never change). The update waits for a taker
 * holding the counter's lock and checks again after it.
 */
export async function giveNumberBack(db: Transaction, table: keyof typeof COUNTERS, taken: { series: string; sequence: number } | undefined): Promise<void> {
  if (taken) {
    await db.execute(`update ${table} set last_sequence = last_sequence - 1, updated_at = now() where series = ? and last_sequence = ?`, [taken.series, taken.sequence])
  }
}

/**
 * The next printed number of a branch's document series for the financial year `at` falls in (src/lib/tax-documents.ts,
 * documentNumber), taken as takeNextInSeries does; with the series and sequence the document keeps beside it.
 */
export async function takeNextDocumentNumber(
  db: Transaction,
  table: keyof typeof COUNTERS,
  type: NumberedDocumentType,
  branchCode: string,
  at: Date = new Date()
): Promise<{ number: string; series: string; sequence: number; financial_year: string }> {
  const fy = financialYear(at)
  const series = `${type}:${branchCode}:${fy}`
  const sequence = await takeNextInSeries(db, table, series)
  return { number: documentNumber(type, branchCode, fy, sequence), series, sequence, financial_year: fy }
}
