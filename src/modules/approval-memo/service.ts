import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { memoLineProblem, summarizeMemo, type ApprovalMemoStatus, type MemoLineAction, type MemoLineState, type MemoSummary } from "../../lib/approval-memo"
import { DOMAIN_CONFLICT } from "../../lib/errors"
import { pgArray } from "../../lib/pg-array"
import { giveNumberBack, takeNextDocumentNumber } from "../../lib/series-counter"
import { pageWithTotal, withDates } from "../../lib/sql-rows"
import { normalTag } from "../../lib/stock-moves"
import { ApprovalMemo } from "./models/approval-memo"
import { ApprovalMemoCounter } from "./models/approval-memo-counter"
import { ApprovalMemoLine } from "./models/approval-memo-line"

export type MemoRow = {
  id: string
  number: string
  branch_id: string
  location_id: string
  customer_id: string
  status: ApprovalMemoStatus
  due_at: Date
  note: string | null
  issued_by: string | null
  issued_at: Date
  closed_at: Date | null
  follow_up_task_id: string | null
}

export type MemoLineRow = {
  id: string
  memo_id: string
  tag_code: string
  variant_id: string
  inventory_item_id: string
  description: string | null
  hsn: string | null
  huid: string | null
  net_weight_mg: number | null
  quantity: number
  value_paise: number | null
  state: MemoLineState
  settled_at: Date | null
  settled_by: string | null
  sale_key: string | null
  order_id: string | null
}

/** A piece as the catalogue has it (src/workflows/stock/utils/find-pieces.ts): what a memo line records. */
export type MemoPiece = {
  tag_code: string
  variant_id: string
  inventory_item_id: string
  description: string
  hsn: string
  huid: string | null
  net_weight_mg: number
  value_paise: number | null
}

export type CreateMemoInput = {
  branch_id: string
  branch_code: string
  location_id: string
  customer_id: string
  due_at: Date
  note: string | null
  user_id: string | null
  idempotency_key: string | null
  lines: (MemoPiece & { quantity: number })[]
}

/**
 * Settling some of a memo's pieces: returned to the branch, or sold by the counter sale `sale_key`, which must be
 * the memo's customer's at the memo's branch.
 */
export type SettleInput = {
  memo_id: string
  tags: string[]
  action: MemoLineAction
  user_id: string | null
  sale?: { key: string; customer_id: string; branch_id: string; quantities: Record<string, number> }
}

export type Settled = { memo: MemoRow; lines: MemoLineRow[]; before: { memo: MemoRow; lines: MemoLineRow[] }; closed: boolean }

const MEMO_COLUMNS = "id, number, branch_id, location_id, customer_id, status, due_at, note, issued_by, issued_at, closed_at, follow_up_task_id"
const LINE_COLUMNS =
  "id, memo_id, tag_code, variant_id, inventory_item_id, description, hsn, huid, net_weight_mg, quantity, value_paise, state, settled_at, settled_by, sale_key, order_id"

const notFound = (id: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `Approval memo "${id}" was not found`)
const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message, DOMAIN_CONFLICT)
/** Medusa's bigNumber columns keep the exact value beside the numeric one. */
const rawPaise = (paise: number | null) => (paise === null ? null : JSON.stringify({ value: String(paise), precision: 20 }))

/**
 * Approval memos and their lines. Writes are raw SQL, one transaction each: settling locks the memo's row, so two
 * returns (or a return and a sale) of one memo take turns and a piece is settled once. Stock itself is moved by
 * the workflows, through Medusa's inventory module.
 */
class ApprovalMemoModuleService extends MedusaService({ ApprovalMemo, ApprovalMemoLine, ApprovalMemoCounter }) {
  /** Writes a memo with its pieces out, numbered next in the branch's series for the year. */
  @InjectManager()
  async createMemo(input: CreateMemoInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<MemoRow> {
    return this.createMemo_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async createMemo_(input: CreateMemoInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<MemoRow> {
    const db = sharedContext.transactionManager!
    const now = new Date()
    const { number, series, sequence } = await takeNextDocumentNumber(db, "approval_memo_counter", "approval_memo", input.branch_code, now)
    const id = generateEntityId(undefined, "apmemo")
    const [row] = (await db.execute(
      `insert into approval_memo (id, number, series, sequence, branch_id, location_id, customer_id, status, due_at, note, issued_by, issued_at, idempotency_key, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, now(), now())
       on conflict (idempotency_key) where idempotency_key is not null and deleted_at is null do nothing
       returning ${MEMO_COLUMNS}`,
      [id, number, series, sequence, input.branch_id, input.location_id, input.customer_id, input.due_at, input.note, input.user_id, now, input.idempotency_key]
    )) as Record<string, unknown>[]
    if (!row) {
      // Another request with this key got there first; its transaction holds the pieces.
      throw conflict("A memo with this idempotency key is being written right now; send it again to get that memo")
    }
    await db.execute(
      `insert into approval_memo_line (id, memo_id, tag_code, variant_id, inventory_item_id, description, hsn, huid, net_weight_mg, quantity, value_paise, raw_value_paise,
                                       state, created_at, updated_at)
       values ${input.lines.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'out', now(), now())").join(", ")}`,
      input.lines.flatMap((l) => {
        const value = l.value_paise === null ? null : l.value_paise * l.quantity
        return [generateEntityId(undefined, "apml"), id, l.tag_code, l.variant_id, l.inventory_item_id, l.description, l.hsn, l.huid, l.net_weight_mg, l.quantity, value, rawPaise(value)]
      })
    )
    return toMemo(row)
  }

  /** Withdraws a memo written by a workflow that failed later. */
  @InjectManager()
  async discardMemo(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const db = sharedContext.manager!
    await db.execute("delete from approval_memo_line where memo_id = ?", [id])
    const [taken] = (await db.execute("delete from approval_memo where id = ? returning series, sequence", [id])) as { series: string; sequence: number }[]
    await giveNumberBack(db, "approval_memo_counter", taken)
  }

  /** Ties the memo to the follow-up task that puts it on its branch's list. */
  @InjectManager()
  async setFollowUpTask(id: string, taskId: string | null, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await sharedContext.manager!.execute("update approval_memo set follow_up_task_id = ?, updated_at = now() where id = ?", [taskId, id])
  }

  /**
   * Returns or sells pieces of an open memo, under a row lock on it: each tag must be on the memo and still out
   * (409 naming each that is not, nothing written); a sale must be the memo's customer's at its branch. The memo
   * closes when no piece is out any more. Answers the lines settled, and the memo and lines as they were.
   */
  @InjectManager()
  async settle(input: SettleInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<Settled> {
    return this.settle_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async settle_(input: SettleInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<Settled> {
    const db = sharedContext.transactionManager!
    const [memoRow] = (await db.execute(`select ${MEMO_COLUMNS} from approval_memo where id = ? and deleted_at is null for update`, [input.memo_id])) as Record<string, unknown>[]
    if (!memoRow) {
      throw notFound(input.memo_id)
    }
    const memo = toMemo(memoRow)
    if (input.sale && (input.sale.customer_id !== memo.customer_id || input.sale.branch_id !== memo.branch_id)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `memo_id: approval memo ${memo.number} is another customer's or another branch's`)
    }
    const all = ((await db.execute(`select ${LINE_COLUMNS} from approval_memo_line where memo_id = ? and deleted_at is null order by tag_code`, [memo.id])) as Record<string, unknown>[]).map(toLine)
    const wanted = [...new Set(input.tags.map(normalTag))]
    // A return names only the memo's pieces; a bill may hold other pieces beside them, but at least one of the memo's.
    const notOnMemo = wanted.filter((t) => !all.some((l) => l.tag_code.toUpperCase() === t))
    if (notOnMemo.length && input.action === "return") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Not on approval memo ${memo.number}: ${notOnMemo.join(", ")}`)
    }
    const lines = all.filter((l) => wanted.includes(l.tag_code.toUpperCase()))
    if (!lines.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `memo_id: none of this bill's pieces is on approval memo ${memo.number}`)
    }
    const problems = lines.map((l) => memoLineProblem(l.tag_code, l.state, input.action)).filter((p): p is string => !!p)
    // A line is bought whole: the bill sells as many as the memo gave (the rest would return unrecorded).
    const sale = input.sale
    if (sale) {
      problems.push(
        ...lines
          .filter((l) => l.state === "out" && (sale.quantities[l.tag_code.toUpperCase()] ?? 0) !== l.quantity)
          .map((l) => `${l.tag_code}: the memo gave ${l.quantity}, the bill sells ${sale.quantities[l.tag_code.toUpperCase()] ?? 0}; sell all of them with the memo, or return them and sell without it`)
      )
    }
    if (problems.length) {
      throw conflict(`Approval memo ${memo.number}: ${problems.join("; ")}`)
    }
    const state: MemoLineState = input.action === "return" ? "returned" : "sold"
    const settled = ((await db.execute(
      `update approval_memo_line set state = ?, settled_at = now(), settled_by = ?, sale_key = ?, updated_at = now()
        where id = any(?::text[]) returning ${LINE_COLUMNS}`,
      [state, input.user_id, input.sale?.key ?? null, pgArray(lines.map((l) => l.id))]
    )) as Record<string, unknown>[]).map(toLine)
    const stillOut = all.some((l) => l.state === "out" && !lines.includes(l))
    const [after] = stillOut
      ? [memoRow]
      : ((await db.execute(`update approval_memo set status = 'closed', closed_at = now(), updated_at = now() where id = ? returning ${MEMO_COLUMNS}`, [memo.id])) as Record<string, unknown>[])
    return { memo: toMemo(after), lines: settled, before: { memo, lines }, closed: !stillOut }
  }

  /** Undoes a settle whose workflow failed later: the lines and the memo as they were. */
  @InjectManager()
  async restore(before: Settled["before"], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const db = sharedContext.manager!
    for (const l of before.lines) {
      await db.execute("update approval_memo_line set state = ?, settled_at = ?, settled_by = ?, sale_key = ?, order_id = ?, updated_at = now() where id = ?", [
        l.state,
        l.settled_at,
        l.settled_by,
        l.sale_key,
        l.order_id,
        l.id,
      ])
    }
    await db.execute("update approval_memo set status = ?, closed_at = ?, updated_at = now() where id = ?", [before.memo.status, before.memo.closed_at, before.memo.id])
  }

  /** The order a counter sale made of the memo's pieces, once it exists. */
  @InjectManager()
  async noteSaleOrder(input: { memo_id: string; sale_key: string; order_id: string }, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await sharedContext.manager!.execute("update approval_memo_line set order_id = ?, updated_at = now() where memo_id = ? and sale_key = ? and state = 'sold'", [
      input.order_id,
      input.memo_id,
      input.sale_key,
    ])
  }

  /** The memo given with this idempotency key, if any. */
  @InjectManager()
  async memoByKey(key: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<MemoRow | null> {
    const [row] = (await sharedContext.manager!.execute(`select ${MEMO_COLUMNS} from approval_memo where idempotency_key = ? and deleted_at is null`, [key])) as Record<string, unknown>[]
    return row ? toMemo(row) : null
  }

  @InjectManager()
  async memoById(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<MemoRow> {
    const [row] = (await sharedContext.manager!.execute(`select ${MEMO_COLUMNS} from approval_memo where id = ? and deleted_at is null`, [id])) as Record<string, unknown>[]
    if (!row) {
      throw notFound(id)
    }
    return toMemo(row)
  }

  /** Memos' lines, out first, then by tag. */
  @InjectManager()
  async linesOf(ids: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<MemoLineRow[]> {
    if (!ids.length) {
      return []
    }
    const rows = (await sharedContext.manager!.execute(
      `select ${LINE_COLUMNS} from approval_memo_line where memo_id = any(?::text[]) and deleted_at is null
        order by case state when 'out' then 0 when 'sold' then 1 else 2 end, tag_code`,
      [pgArray(ids)]
    )) as Record<string, unknown>[]
    return rows.map(toLine)
  }

  /** Memos' pieces by state, by memo id. */
  async summaries(ids: string[]): Promise<Map<string, MemoSummary>> {
    const lines = await this.linesOf(ids)
    return new Map(ids.map((id) => [id, summarizeMemo(lines.filter((l) => l.memo_id === id))]))
  }

  /**
   * Memos newest first: of some branches (null for all), of one customer, of one status, only those overdue
   * (open past their due date); a page and the count.
   */
  @InjectManager()
  async listMemos(
    filter: { branch_ids: string[] | null; customer_id: string | null; status: ApprovalMemoStatus | null; overdue: boolean; limit: number; offset: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ memos: MemoRow[]; count: number }> {
    const where = ["deleted_at is null"]
    const params: unknown[] = []
    if (filter.branch_ids) {
      where.push("branch_id = any(?::text[])")
      params.push(pgArray(filter.branch_ids))
    }
    if (filter.customer_id) {
      where.push("customer_id = ?")
      params.push(filter.customer_id)
    }
    if (filter.status) {
      where.push("status = ?")
      params.push(filter.status)
    }
    if (filter.overdue) {
      where.push("status = 'open' and due_at < now()")
    }
    const rows = (await sharedContext.manager!.execute(
      `select ${MEMO_COLUMNS}, count(*) over () as total from approval_memo where ${where.join(" and ")} order by issued_at desc, id desc limit ? offset ?`,
      [...params, filter.limit, filter.offset]
    )) as (Record<string, unknown> & { total: string })[]
    const { rows: page, count } = pageWithTotal(rows)
    return { memos: page.map(toMemo), count }
  }

  /** Where a piece is on approval: the open memos with it still out. */
  @InjectManager()
  async outOnApproval(
    variantId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ memo_id: string; number: string; branch_id: string; customer_id: string; quantity: number; due_at: Date }[]> {
    const rows = (await sharedContext.manager!.execute(
      `select m.id as memo_id, m.number, m.branch_id, m.customer_id, l.quantity, m.due_at
         from approval_memo_line l join approval_memo m on m.id = l.memo_id and m.deleted_at is null
        where l.variant_id = ? and l.state = 'out' and l.deleted_at is null
        order by m.issued_at`,
      [variantId]
    )) as { memo_id: string; number: string; branch_id: string; customer_id: string; quantity: number; due_at: Date }[]
    return rows.map((r) => ({ ...withDates(r), quantity: Number(r.quantity) }))
  }
}

function toMemo(row: Record<string, unknown>): MemoRow {
  return withDates(row) as unknown as MemoRow
}

function toLine(row: Record<string, unknown>): MemoLineRow {
  return {
    ...(withDates(row) as unknown as MemoLineRow),
    quantity: Number(row.quantity),
    net_weight_mg: row.net_weight_mg === null ? null : Number(row.net_weight_mg),
    value_paise: row.value_paise === null || row.value_paise === undefined ? null : Number(row.value_paise),
  }
}

export default ApprovalMemoModuleService
