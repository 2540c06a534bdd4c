import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { DOMAIN_CONFLICT } from "../../lib/errors"
import { pgArray } from "../../lib/pg-array"
import { giveNumberBack, takeNextDocumentNumber } from "../../lib/series-counter"
import { pageWithTotal, withDates } from "../../lib/sql-rows"
import { summarizeTransfer, transferStatusProblem, type StockTransferStatus, type StockTransferSummary, type TransferAction, type TransferLineResult } from "../../lib/stock-transfer"
import { normalTag } from "../../lib/stock-moves"
import { StockTransfer } from "./models/stock-transfer"
import { StockTransferCounter } from "./models/stock-transfer-counter"
import { StockTransferLine } from "./models/stock-transfer-line"

export type TransferRow = {
  id: string
  number: string
  from_branch_id: string
  to_branch_id: string
  from_location_id: string
  to_location_id: string
  status: StockTransferStatus
  carrier: string | null
  note: string | null
  dispatched_by: string | null
  dispatched_at: Date
  received_by: string | null
  received_at: Date | null
  cancelled_by: string | null
  cancelled_at: Date | null
  summary: StockTransferSummary | null
}

export type TransferLineRow = {
  id: string
  transfer_id: string
  tag_code: string
  variant_id: string | null
  inventory_item_id: string | null
  description: string | null
  hsn: string | null
  huid: string | null
  net_weight_mg: number | null
  quantity: number
  value_paise: number | null
  result: TransferLineResult
  scanned_at: Date | null
  scanned_by: string | null
}

/** A piece as the catalogue has it, found by its tag (src/workflows/stock/utils/find-pieces.ts): what a line records. */
export type TransferPiece = {
  tag_code: string
  variant_id: string
  inventory_item_id: string
  description: string
  hsn: string
  huid: string | null
  net_weight_mg: number
  /** Today's tax-exclusive price of one piece, when it has one. */
  value_paise: number | null
}

export type CreateTransferInput = {
  from_branch_id: string
  from_branch_code: string
  to_branch_id: string
  from_location_id: string
  to_location_id: string
  carrier: string | null
  note: string | null
  user_id: string | null
  idempotency_key: string | null
  lines: (TransferPiece & { quantity: number })[]
}

/** The scanned tag, and its piece when the catalogue knows it (read by the workflow before). */
export type ReceiptInput = { transfer_id: string; tag_code: string; piece: TransferPiece | null; user_id: string | null }

export type ReceiptOutcome =
  | { recorded: true; line: TransferLineRow; before: TransferLineRow | null }
  | { recorded: false; duplicate: { tag_code: string; scanned_at: Date; scanned_by: string | null } }

const TRANSFER_COLUMNS =
  "id, number, from_branch_id, to_branch_id, from_location_id, to_location_id, status, carrier, note, dispatched_by, dispatched_at, received_by, received_at, cancelled_by, cancelled_at, summary"
const LINE_COLUMNS =
  "id, transfer_id, tag_code, variant_id, inventory_item_id, description, hsn, huid, net_weight_mg, quantity, value_paise, result, scanned_at, scanned_by"

const notFound = (id: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `Stock transfer "${id}" was not found`)
const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message, DOMAIN_CONFLICT)
/** Medusa's bigNumber columns keep the exact value beside the numeric one. */
const rawPaise = (paise: number | null) => (paise === null ? null : JSON.stringify({ value: String(paise), precision: 20 }))

/**
 * Transfer notes and their lines. Writes are raw SQL in one transaction each: a scan locks its transfer for
 * share (so it cannot be closed under a scan in flight) and a close or cancel locks it for update. Stock
 * itself is moved by the workflows, through Medusa's inventory module.
 */
class StockTransferModuleService extends MedusaService({ StockTransfer, StockTransferLine, StockTransferCounter }) {
  /** Writes a transfer note in transit with its lines, numbered next in the sending branch's series for the year. */
  @InjectManager()
  async createTransfer(input: CreateTransferInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<TransferRow> {
    return this.createTransfer_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async createTransfer_(input: CreateTransferInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<TransferRow> {
    const db = sharedContext.transactionManager!
    const now = new Date()
    const { number, series, sequence } = await takeNextDocumentNumber(db, "stock_transfer_counter", "stock_transfer", input.from_branch_code, now)
    const id = generateEntityId(undefined, "stxf")
    const [row] = (await db.execute(
      `insert into stock_transfer (id, number, series, sequence, from_branch_id, to_branch_id, from_location_id, to_location_id, status, carrier, note,
                                   dispatched_by, dispatched_at, idempotency_key, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, 'in_transit', ?, ?, ?, ?, ?, now(), now())
       on conflict (idempotency_key) where idempotency_key is not null and deleted_at is null do nothing
       returning ${TRANSFER_COLUMNS}`,
      [
        id,
        number,
        series,
        sequence,
        input.from_branch_id,
        input.to_branch_id,
        input.from_location_id,
        input.to_location_id,
        input.carrier,
        input.note,
        input.user_id,
        now,
        input.idempotency_key,
      ]
    )) as Record<string, unknown>[]
    if (!row) {
      // Another request with this key got there first; its transaction holds the pieces.
      throw conflict("A transfer with this idempotency key is being sent right now; send it again to get that transfer")
    }
    const values = input.lines.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'in_transit', now(), now())").join(", ")
    await db.execute(
      `insert into stock_transfer_line (id, transfer_id, tag_code, variant_id, inventory_item_id, description, hsn, huid, net_weight_mg, quantity,
                                        value_paise, raw_value_paise, result, created_at, updated_at)
       values ${values}`,
      input.lines.flatMap((l) => {
        const value = l.value_paise === null ? null : l.value_paise * l.quantity
        return [generateEntityId(undefined, "stxl"), id, l.tag_code, l.variant_id, l.inventory_item_id, l.description, l.hsn, l.huid, l.net_weight_mg, l.quantity, value, rawPaise(value)]
      })
    )
    return toTransfer(row)
  }

  /** Withdraws a transfer written by a workflow that failed later. */
  @InjectManager()
  async discardTransfer(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const db = sharedContext.manager!
    await db.execute("delete from stock_transfer_line where transfer_id = ?", [id])
    const [taken] = (await db.execute("delete from stock_transfer where id = ? returning series, sequence", [id])) as { series: string; sequence: number }[]
    await giveNumberBack(db, "stock_transfer_counter", taken)
  }

  /**
   * Records the scan of a tag at the receiving branch and answers the line: a piece on the note becomes
   * received; any other tag becomes an extra line (its piece named when the catalogue knows it). A tag already
   * scanned into this transfer is refused with when and by whom; of two scans of one tag at once, one wins.
   */
  @InjectManager()
  async recordReceipt(input: ReceiptInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<ReceiptOutcome> {
    return this.recordReceipt_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordReceipt_(input: ReceiptInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<ReceiptOutcome> {
    const db = sharedContext.transactionManager!
    await this.lockTransfer(db, input.transfer_id, "scan", "share")
    const tag = normalTag(input.tag_code)
    const [line] = (await db.execute(`select ${LINE_COLUMNS} from stock_transfer_line where transfer_id = ? and upper(tag_code) = ? and deleted_at is null for update`, [
      input.transfer_id,
      tag,
    ])) as Record<string, unknown>[]
    if (line && line.scanned_at) {
      return { recorded: false, duplicate: { tag_code: String(line.tag_code), scanned_at: new Date(line.scanned_at as string), scanned_by: (line.scanned_by as string | null) ?? null } }
    }
    if (line) {
      const [updated] = (await db.execute(
        `update stock_transfer_line set result = 'received', scanned_at = now(), scanned_by = ?, updated_at = now() where id = ? returning ${LINE_COLUMNS}`,
        [input.user_id, line.id]
      )) as Record<string, unknown>[]
      return { recorded: true, line: toLine(updated), before: toLine(line) }
    }
    const piece = input.piece
    const [extra] = (await db.execute(
      `insert into stock_transfer_line (id, transfer_id, tag_code, variant_id, inventory_item_id, description, hsn, huid, net_weight_mg, quantity, result,
                                        scanned_at, scanned_by, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'extra', now(), ?, now(), now())
       on conflict (transfer_id, tag_code) where deleted_at is null do nothing
       returning ${LINE_COLUMNS}`,
      [
        generateEntityId(undefined, "stxl"),
        input.transfer_id,
        piece?.tag_code ?? tag,
        piece?.variant_id ?? null,
        piece?.inventory_item_id ?? null,
        piece?.description ?? null,
        piece?.hsn ?? null,
        piece?.huid ?? null,
        piece?.net_weight_mg ?? null,
        input.user_id,
      ]
    )) as Record<string, unknown>[]
    if (!extra) {
      // Scanned at the same moment at another counter: theirs stands.
      const [earlier] = (await db.execute("select tag_code, scanned_at, scanned_by from stock_transfer_line where transfer_id = ? and tag_code = ? and deleted_at is null", [
        input.transfer_id,
        piece?.tag_code ?? tag,
      ])) as { tag_code: string; scanned_at: Date; scanned_by: string | null }[]
      return { recorded: false, duplicate: { tag_code: earlier.tag_code, scanned_at: new Date(earlier.scanned_at), scanned_by: earlier.scanned_by } }
    }
    return { recorded: true, line: toLine(extra), before: null }
  }

  /** Puts a line back as it was before a scan (an extra line goes): a receipt whose stock could not move. */
  @InjectManager()
  async restoreLine(lineId: string, before: TransferLineRow | null, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const db = sharedContext.manager!
    if (!before) {
      await db.execute("delete from stock_transfer_line where id = ?", [lineId])
      return
    }
    await db.execute("update stock_transfer_line set result = ?, scanned_at = ?, scanned_by = ?, updated_at = now() where id = ?", [
      before.result,
      before.scanned_at,
      before.scanned_by,
      lineId,
    ])
  }

  /**
   * Closes a receipt: what is still in transit becomes short, and the transfer is received with its figures;
   * or cancels a transfer nothing of which has been received (its lines answered, to give their stock back).
   * Under a row lock on the transfer; refused (409, with why) unless it is in transit.
   */
  @InjectManager()
  async finish(
    input: { id: string; action: "close" | "cancel"; user_id: string | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ transfer: TransferRow; lines: TransferLineRow[]; before: TransferRow }> {
    return this.finish_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async finish_(input: { id: string; action: "close" | "cancel"; user_id: string | null }, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const db = sharedContext.transactionManager!
    const before = await this.lockTransfer(db, input.id, input.action, "update")
    const lines = (await db.execute(`select ${LINE_COLUMNS} from stock_transfer_line where transfer_id = ? and deleted_at is null order by tag_code`, [input.id])) as Record<string, unknown>[]
    if (input.action === "cancel" && lines.some((l) => l.scanned_at)) {
      throw conflict("Pieces of this transfer have been scanned in at the receiving branch; close the receipt there instead of cancelling")
    }
    if (input.action === "close") {
      await db.execute("update stock_transfer_line set result = 'short', updated_at = now() where transfer_id = ? and result = 'in_transit' and deleted_at is null", [input.id])
    }
    const after = lines.map((l) => toLine(l)).map((l) => (input.action === "close" && l.result === "in_transit" ? { ...l, result: "short" as const } : l))
    const summary = summarizeTransfer(after)
    const [row] = (await db.execute(
      input.action === "close"
        ? `update stock_transfer set status = 'received', received_by = ?, received_at = now(), summary = ?::jsonb, updated_at = now() where id = ? returning ${TRANSFER_COLUMNS}`
        : `update stock_transfer set status = 'cancelled', cancelled_by = ?, cancelled_at = now(), summary = ?::jsonb, updated_at = now() where id = ? returning ${TRANSFER_COLUMNS}`,
      [input.user_id, JSON.stringify(summary), input.id]
    )) as Record<string, unknown>[]
    return { transfer: toTransfer(row), lines: after, before }
  }

  /** Undoes a close or cancel whose workflow failed later: the transfer back in transit, short lines back in transit. */
  @InjectManager()
  async reopen(before: TransferRow, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const db = sharedContext.manager!
    await db.execute("update stock_transfer_line set result = 'in_transit', updated_at = now() where transfer_id = ? and result = 'short' and deleted_at is null", [before.id])
    await db.execute(
      "update stock_transfer set status = ?, received_by = null, received_at = null, cancelled_by = null, cancelled_at = null, summary = null, updated_at = now() where id = ?",
      [before.status, before.id]
    )
  }

  /** The transfer sent with this idempotency key, if any. */
  @InjectManager()
  async transferByKey(key: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<TransferRow | null> {
    const [row] = (await sharedContext.manager!.execute(`select ${TRANSFER_COLUMNS} from stock_transfer where idempotency_key = ? and deleted_at is null`, [key])) as Record<string, unknown>[]
    return row ? toTransfer(row) : null
  }

  @InjectManager()
  async transferById(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<TransferRow> {
    const [row] = (await sharedContext.manager!.execute(`select ${TRANSFER_COLUMNS} from stock_transfer where id = ? and deleted_at is null`, [id])) as Record<string, unknown>[]
    if (!row) {
      throw notFound(id)
    }
    return toTransfer(row)
  }

  /** A transfer's lines: not yet received first, then by tag; or only those of some results. */
  @InjectManager()
  async listLines(id: string, results: TransferLineResult[] | null, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<TransferLineRow[]> {
    const rows = (await sharedContext.manager!.execute(
      `select ${LINE_COLUMNS} from stock_transfer_line
        where transfer_id = ? and deleted_at is null ${results ? "and result = any(?::text[])" : ""}
        order by case result when 'in_transit' then 0 when 'short' then 1 when 'extra' then 2 else 3 end, tag_code`,
      results ? [id, pgArray(results)] : [id]
    )) as Record<string, unknown>[]
    return rows.map(toLine)
  }

  /** The figures of transfers, from their lines, by id (open transfers change as they are scanned). */
  @InjectManager()
  async summaries(ids: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<Map<string, StockTransferSummary>> {
    if (!ids.length) {
      return new Map()
    }
    const rows = (await sharedContext.manager!.execute(
      "select transfer_id, result, quantity from stock_transfer_line where transfer_id = any(?::text[]) and deleted_at is null",
      [pgArray(ids)]
    )) as { transfer_id: string; result: TransferLineResult; quantity: number }[]
    return new Map(ids.map((id) => [id, summarizeTransfer(rows.filter((r) => r.transfer_id === id).map((r) => ({ result: r.result, quantity: Number(r.quantity) })))]))
  }

  /** What each transfer's pieces were worth when sent, in paise (lines without a value count 0). */
  @InjectManager()
  async sentValues(ids: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<Map<string, number>> {
    const rows = ids.length
      ? ((await sharedContext.manager!.execute(
          "select transfer_id, coalesce(sum(value_paise), 0)::bigint as value from stock_transfer_line where transfer_id = any(?::text[]) and result <> 'extra' and deleted_at is null group by transfer_id",
          [pgArray(ids)]
        )) as { transfer_id: string; value: string }[])
      : []
    return new Map(rows.map((r) => [r.transfer_id, Number(r.value)]))
  }

  /**
   * Transfers newest first: of some branches (sent from or to them; null for all), only outgoing or incoming,
   * of one status; a page and the count.
   */
  @InjectManager()
  async listTransfers(
    filter: { branch_ids: string[] | null; direction: "outgoing" | "incoming" | null; status: StockTransferStatus | null; limit: number; offset: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ transfers: TransferRow[]; count: number }> {
    const where = ["deleted_at is null"]
    const params: unknown[] = []
    if (filter.branch_ids) {
      const sides = filter.direction === "outgoing" ? ["from_branch_id"] : filter.direction === "incoming" ? ["to_branch_id"] : ["from_branch_id", "to_branch_id"]
      where.push(`(${sides.map((c) => `${c} = any(?::text[])`).join(" or ")})`)
      params.push(...sides.map(() => pgArray(filter.branch_ids!)))
    }
    if (filter.status) {
      where.push("status = ?")
      params.push(filter.status)
    }
    const rows = (await sharedContext.manager!.execute(
      `select ${TRANSFER_COLUMNS}, count(*) over () as total from stock_transfer where ${where.join(" and ")} order by dispatched_at desc, id desc limit ? offset ?`,
      [...params, filter.limit, filter.offset]
    )) as Record<string, unknown>[]
    const { rows: page, count } = pageWithTotal(rows as (Record<string, unknown> & { total: string })[])
    return { transfers: page.map(toTransfer), count }
  }

  /** Where a piece is travelling: the transfers in transit with it on their note, not yet scanned in. */
  @InjectManager()
  async inTransit(
    variantId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ transfer_id: string; number: string; from_branch_id: string; to_branch_id: string; quantity: number; dispatched_at: Date }[]> {
    const rows = (await sharedContext.manager!.execute(
      `select t.id as transfer_id, t.number, t.from_branch_id, t.to_branch_id, l.quantity, t.dispatched_at
         from stock_transfer_line l join stock_transfer t on t.id = l.transfer_id and t.deleted_at is null
        where l.variant_id = ? and l.result = 'in_transit' and l.deleted_at is null and t.status = 'in_transit'
        order by t.dispatched_at`,
      [variantId]
    )) as { transfer_id: string; number: string; from_branch_id: string; to_branch_id: string; quantity: number; dispatched_at: Date }[]
    return rows.map((r) => ({ ...withDates(r), quantity: Number(r.quantity) }))
  }

  /** The transfer under a row lock, refused (409, with why) unless it is in transit. */
  private async lockTransfer(db: EntityManager, id: string, action: TransferAction, mode: "share" | "update"): Promise<TransferRow> {
    const [row] = (await db.execute(`select ${TRANSFER_COLUMNS} from stock_transfer where id = ? and deleted_at is null for ${mode}`, [id])) as Record<string, unknown>[]
    if (!row) {
      throw notFound(id)
    }
    const transfer = toTransfer(row)
    const problem = transferStatusProblem(transfer.status, action)
    if (problem) {
      throw conflict(problem)
    }
    return transfer
  }
}

function toTransfer(row: Record<string, unknown>): TransferRow {
  const summary = row.summary === null || row.summary === undefined ? null : typeof row.summary === "string" ? JSON.parse(row.summary) : row.summary
  return { ...(withDates(row) as unknown as TransferRow), summary: summary as StockTransferSummary | null }
}

function toLine(row: Record<string, unknown>): TransferLineRow {
  return {
    ...(withDates(row) as unknown as TransferLineRow),
    quantity: Number(row.quantity),
    net_weight_mg: row.net_weight_mg === null ? null : Number(row.net_weight_mg),
    value_paise: row.value_paise === null || row.value_paise === undefined ? null : Number(row.value_paise),
  }
}

export default StockTransferModuleService
