import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { TaxDocumentBody } from "../../lib/invoice"
import { pageKeySql, periodConditions } from "../../lib/sql-rows"
import { documentNumber, financialYear, seriesKey, type TaxDocumentType } from "../../lib/tax-documents"
import { TaxDocument } from "./models/tax-document"
import { TaxDocumentCounter } from "./models/tax-document-counter"

export type IssueDocumentInput = {
  type: TaxDocumentType
  branch_id: string
  branch_code: string
  order_id: string
  /** For an invoice of the pieces taken in an exchange: the exchange. */
  exchange_id?: string | null
  return_id?: string | null
  against_id?: string | null
  customer_id?: string | null
  /** The body without its number and date; both are filled in here. */
  body: TaxDocumentBody
}

export type TaxDocumentRow = {
  id: string
  type: TaxDocumentType
  number: string
  series: string
  sequence: number
  financial_year: string
  branch_id: string
  branch_code: string
  order_id: string
  exchange_id: string | null
  return_id: string | null
  against_id: string | null
  customer_id: string | null
  issued_at: Date
  grand_total_paise: number
  body: TaxDocumentBody
  file_id: string | null
  file_status: "pending" | "stored" | "failed" | "on_request"
  file_attempts: number
  file_error: string | null
  next_attempt_at: Date | null
  created_at: Date
}

const COLUMNS = `id, type, number, series, sequence, financial_year, branch_id, branch_code, order_id, exchange_id, return_id, against_id,
  customer_id, issued_at, grand_total_paise::bigint::text as grand_total_paise, body, file_id, file_status, file_attempts,
  file_error, next_attempt_at, created_at`

/** How long the issuer has to store a new document's PDF before the retry job takes it over. */
export const FILE_LEASE_MS = 2 * 60_000

/** What a document is issued once for: a credit note its return, an exchange's invoice the exchange, an order's own invoice the order. */
function documentKey(d: { order_id: string; exchange_id?: string | null; return_id?: string | null }): string {
  return d.return_id ?? d.exchange_id ?? d.order_id
}

function row(r: TaxDocumentRow): TaxDocumentRow {
  return { ...r, sequence: Number(r.sequence), grand_total_paise: Number(r.grand_total_paise), file_attempts: Number(r.file_attempts) }
}

/**
 * The counter row of a series, made if it is the series' first document, and
 * locked until the transaction ends: issues in one series queue here.
 */
async function lockSeries(db: EntityManager, series: string): Promise<{ id: string; last_sequence: number }> {
  await db.execute(
    `insert into tax_document_counter (id, series, last_sequence, created_at, updated_at) values (?, ?, 0, now(), now())
     on conflict (series) where deleted_at is null do nothing`,
    [generateEntityId(undefined, "tdctr"), series]
  )
  const [counter] = (await db.execute("select id, last_sequence from tax_document_counter where series = ? for update", [series])) as { id: string; last_sequence: number }[]
  return { id: counter.id, last_sequence: Number(counter.last_sequence) }
}

function setLastSequence(db: EntityManager, counterId: string, sequence: number) {
  return db.execute("update tax_document_counter set last_sequence = ?, updated_at = now() where id = ?", [sequence, counterId])
}

const INSERT_COLUMNS = `id, type, number, series, sequence, financial_year, branch_id, branch_code, order_id, exchange_id, return_id, against_id,
  customer_id, issued_at, grand_total_paise, raw_grand_total_paise, body, file_status, next_attempt_at, file_attempts, created_at, updated_at`
const INSERT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, 0, now(), now())"

/** A document's row for INSERT_COLUMNS: its number from the series and sequence, its body with that number and date. */
function documentValues(
  input: IssueDocumentInput,
  at: { series: string; fy: string; sequence: number; issued_at: Date },
  fileStatus: "pending" | "on_request",
  nextAttemptAt: Date | null
): (string | number | Date | null)[] {
  const number = documentNumber(input.type, input.branch_code, at.fy, at.sequence)
  const body: TaxDocumentBody = { ...input.body, number, issued_at: at.issued_at.toISOString() }
  const grand = body.totals.grand_total
  return [
    generateEntityId(undefined, "tdoc"), input.type, number, at.series, at.sequence, at.fy, input.branch_id, input.branch_code, input.order_id,
    input.exchange_id ?? null, input.return_id ?? null, input.against_id ?? null, input.customer_id ?? null, at.issued_at, grand,
    JSON.stringify({ value: String(grand), precision: 20 }), JSON.stringify(body), fileStatus, nextAttemptAt,
  ]
}

class InvoicingModuleService extends MedusaService({ TaxDocument, TaxDocumentCounter }) {
  /**
   * Issues a document once: its number is the next in its series (kind,
   * branch, financial year of now, India time), taken under a lock on the
   * series' counter row in the same transaction that stores the document.
   * An order's invoice (or a return's credit note) that exists already is
   * returned as it is, without taking a number.
   */
  @InjectManager()
  async issueDocument(input: IssueDocumentInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ document: TaxDocumentRow; created: boolean }> {
    return this.issueDocument_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async issueDocument_(input: IssueDocumentInput, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const db = sharedContext.transactionManager!
    const issuedAt = new Date()
    const fy = financialYear(issuedAt)
    const series = seriesKey(input.type, input.branch_code, fy)
    const counter = await lockSeries(db, series)
    // Checked under the lock: a second issue of the same document waits for the first and finds it.
    const existing = await this.findIssued(db, input)
    if (existing) {
      return { document: existing, created: false }
    }
    const sequence = counter.last_sequence + 1
    await setLastSequence(db, counter.id, sequence)
    const [created] = (await db.execute(
      `insert into tax_document (${INSERT_COLUMNS}) values ${INSERT_ROW} returning ${COLUMNS}`,
      // A short lease for the issuer to store the PDF before the retry job may.
      documentValues(input, { series, fy, sequence, issued_at: issuedAt }, "pending", new Date(issuedAt.getTime() + FILE_LEASE_MS))
    )) as TaxDocumentRow[]
    return { document: row(created), created: true }
  }

  /**
   * Issues documents of the past, each dated `issued_at` and numbered in
   * date order within its series (the demo shop's year: docs/demo-shop.md).
   * Under the series' lock, like `issueDocument`; documents already issued
   * for their order or return are passed by. A series holding a document
   * dated after the earliest one given is left alone (`refused`), since its
   * numbers would no longer follow the dates. The PDFs are drawn when first
   * asked for (`file_status` on_request), not by the retry job.
   */
  @InjectManager()
  async issueDatedDocuments(
    inputs: (IssueDocumentInput & { issued_at: Date })[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ issued: number; refused: string[] }> {
    return this.issueDatedDocuments_(inputs, sharedContext)
  }

  @InjectTransactionManager()
  protected async issueDatedDocuments_(inputs: (IssueDocumentInput & { issued_at: Date })[], @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const db = sharedContext.transactionManager!
    const bySeries = new Map<string, { fy: string; docs: (IssueDocumentInput & { issued_at: Date })[] }>()
    for (const input of [...inputs].sort((a, b) => a.issued_at.getTime() - b.issued_at.getTime())) {
      const fy = financialYear(input.issued_at)
      const series = seriesKey(input.type, input.branch_code, fy)
      const entry = bySeries.get(series) ?? bySeries.set(series, { fy, docs: [] }).get(series)!
      entry.docs.push(input)
    }
    let issued = 0
    const refused: string[] = []
    for (const series of [...bySeries.keys()].sort()) {
      const { fy, docs } = bySeries.get(series)!
      const counter = await lockSeries(db, series)
      const [latest] = (await db.execute("select max(issued_at) as at from tax_document where series = ? and deleted_at is null", [series])) as { at: Date | null }[]
      if (latest?.at && new Date(latest.at).getTime() > docs[0].issued_at.getTime()) {
        refused.push(series)
        continue
      }
      const done = (await db.execute(
        `select order_id, exchange_id, return_id from tax_document where series = ? and deleted_at is null`,
        [series]
      )) as { order_id: string; exchange_id: string | null; return_id: string | null }[]
      const taken = new Set(done.map(documentKey))
      const fresh = docs.filter((d) => !taken.has(documentKey(d)))
      const rows = fresh.map((input, i) => documentValues(input, { series, fy, sequence: counter.last_sequence + i + 1, issued_at: input.issued_at }, "on_request", null))
      for (let start = 0; start < rows.length; start += 200) {
        const chunk = rows.slice(start, start + 200)
        await db.execute(`insert into tax_document (${INSERT_COLUMNS}) values ${chunk.map(() => INSERT_ROW).join(", ")}`, chunk.flat())
      }
      if (rows.length) {
        await setLastSequence(db, counter.id, counter.last_sequence + rows.length)
      }
      issued += rows.length
    }
    return { issued, refused }
  }

  private async findIssued(db: EntityManager, input: Pick<IssueDocumentInput, "type" | "order_id" | "exchange_id" | "return_id">): Promise<TaxDocumentRow | undefined> {
    const [found] = (await (input.type === "invoice"
      ? db.execute(`select ${COLUMNS} from tax_document where type = 'invoice' and order_id = ? and ${input.exchange_id ? "exchange_id = ?" : "exchange_id is null"} and deleted_at is null`, [
          input.order_id,
          ...(input.exchange_id ? [input.exchange_id] : []),
        ])
      : db.execute(`select ${COLUMNS} from tax_document where return_id = ? and deleted_at is null`, [input.return_id ?? ""]))) as TaxDocumentRow[]
    return found ? row(found) : undefined
  }

  /**
   * Undoes an issue (a workflow failing after it): the document goes and its
   * number returns to the series when it is still the series' last; a later
   * number already issued means this one stays, so the series keeps no gap.
   */
  @InjectManager()
  async withdrawDocument(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    return this.withdrawDocument_(id, sharedContext)
  }

  @InjectTransactionManager()
  protected async withdrawDocument_(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    const db = sharedContext.transactionManager!
    const [doc] = (await db.execute("select series, sequence from tax_document where id = ? and deleted_at is null", [id])) as { series: string; sequence: number }[]
    if (!doc) {
      return false
    }
    const [counter] = (await db.execute("select id, last_sequence from tax_document_counter where series = ? for update", [doc.series])) as {
      id: string
      last_sequence: number
    }[]
    if (Number(counter.last_sequence) !== Number(doc.sequence)) {
      return false
    }
    await db.execute("delete from tax_document where id = ?", [id])
    await db.execute("update tax_document_counter set last_sequence = last_sequence - 1, updated_at = now() where id = ?", [counter.id])
    return true
  }

  @InjectManager()
  async getDocument(
    where: { id?: string; order_id?: string; type?: TaxDocumentType; exchange_id?: string | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<TaxDocumentRow | undefined> {
    const filters = Object.entries(where).filter(([, v]) => v !== undefined)
    if (!filters.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "getDocument needs an id, order_id or type")
    }
    const [found] = (await sharedContext.manager!.execute(
      // "is null" rather than "is not distinct from", which no index serves.
      `select ${COLUMNS} from tax_document where deleted_at is null and ${filters.map(([k, v]) => (v === null ? `${k} is null` : `${k} = ?`)).join(" and ")}
        order by issued_at limit 1`,
      filters.flatMap(([, v]) => (v === null ? [] : [v as string]))
    )) as TaxDocumentRow[]
    return found ? row(found) : undefined
  }

  /** Documents of orders, oldest first: an order's invoice and its credit notes. */
  @InjectManager()
  async listOrderDocuments(orderIds: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<TaxDocumentRow[]> {
    if (!orderIds.length) {
      return []
    }
    const rows = (await sharedContext.manager!.execute(
      `select ${COLUMNS} from tax_document where deleted_at is null and order_id in (select jsonb_array_elements_text(?::jsonb))
        order by issued_at, sequence`,
      [JSON.stringify(orderIds)]
    )) as TaxDocumentRow[]
    return rows.map(row)
  }

  /** A page of the register: documents by kind, branch, financial year, newest first. */
  @InjectManager()
  async listRegister(
    {
      type,
      branch_code,
      branch_ids,
      financial_year,
      q,
      limit,
      offset,
    }: { type?: TaxDocumentType; branch_code?: string; branch_ids?: string[]; financial_year?: string; q?: string; limit: number; offset: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ documents: TaxDocumentRow[]; count: number }> {
    const where: string[] = ["deleted_at is null"]
    const values: (string | number)[] = []
    for (const [column, value] of [["type", type], ["branch_code", branch_code], ["financial_year", financial_year]] as const) {
      if (value) {
        where.push(`${column} = ?`)
        values.push(value)
      }
    }
    inBranches(branch_ids, where, values)
    if (q) {
      where.push("(number ilike ? or order_id = ?)")
      values.push(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, q)
    }
    const rows = (await sharedContext.manager!.execute(
      `select ${COLUMNS}, count(*) over () as total from tax_document where ${where.join(" and ")}
        order by issued_at desc, sequence desc limit ? offset ?`,
      [...values, limit, offset]
    )) as (TaxDocumentRow & { total: string })[]
    let count = rows.length ? Number(rows[0].total) : 0
    if (!rows.length && offset > 0) {
      const [c] = (await sharedContext.manager!.execute(`select count(*) as n from tax_document where ${where.join(" and ")}`, values)) as { n: string }[]
      count = Number(c.n)
    }
    return { documents: rows.map(({ total: _total, ...r }) => row(r as TaxDocumentRow)), count }
  }

  /**
   * A page of the documents issued in [from, to), oldest first, after the
   * document `after` (keyset paging: an export of a busy year reads them a
   * page at a time). `branch_ids` narrows to those branches. Each row's
   * `page_key` is what to pass back as `after` (sql-rows.ts, pageKeySql).
   */
  @InjectManager()
  async listIssuedBetween(
    { from, to, branch_ids, after, limit }: { from: Date; to: Date; branch_ids?: string[]; after?: { issued_at: Date | string; id: string } | null; limit: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<(TaxDocumentRow & { page_key: string })[]> {
    const { where, values } = periodConditions({ at: "issued_at", from, to, branch_ids, after: after && { at: after.issued_at, id: after.id } })
    const rows = (await sharedContext.manager!.execute(
      `select ${COLUMNS}, ${pageKeySql("issued_at")} as page_key
         from tax_document where ${where.join(" and ")} order by issued_at, id limit ?`,
      [...values, limit]
    )) as (TaxDocumentRow & { page_key: string })[]
    return rows.map((r) => ({ ...row(r), page_key: r.page_key }))
  }

  /** The branches and buyers (name, GSTIN) of the documents issued in [from, to): what an accounting export posts to. */
  @InjectManager()
  async listIssuedParties(
    { from, to, branch_ids }: { from: Date; to: Date; branch_ids?: string[] },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ branch_code: string; name: string; gstin: string | null; documents: number }[]> {
    const { where, values } = periodConditions({ at: "issued_at", from, to, branch_ids })
    const rows = (await sharedContext.manager!.execute(
      `select branch_code, body->'buyer'->>'name' as name, body->'buyer'->>'gstin' as gstin, count(*)::int as documents
         from tax_document where ${where.join(" and ")} group by 1, 2, 3 order by 1, 2`,
      values
    )) as { branch_code: string; name: string; gstin: string | null; documents: number }[]
    return rows
  }

  /** Documents whose PDF is not stored yet and whose next try is due. */
  @InjectManager()
  async listDocumentsAwaitingFile(limit: number, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<TaxDocumentRow[]> {
    const rows = (await sharedContext.manager!.execute(
      `select ${COLUMNS} from tax_document
        where deleted_at is null and file_id is null and file_status <> 'on_request' and (next_attempt_at is null or next_attempt_at <= now())
        order by issued_at limit ?`,
      [limit]
    )) as TaxDocumentRow[]
    return rows.map(row)
  }
}

/** Only these branches' documents (none when the list is empty; every branch's without one). */
function inBranches(branchIds: string[] | undefined, where: string[], values: (string | number | Date)[]) {
  if (branchIds) {
    where.push(branchIds.length ? `branch_id in (${branchIds.map(() => "?").join(", ")})` : "false")
    values.push(...branchIds)
  }
}

export default InvoicingModuleService
