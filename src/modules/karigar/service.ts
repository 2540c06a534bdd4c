import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { DOMAIN_CONFLICT } from "../../lib/errors"
import { afterReceipt, fineWeightMg, receiptProblem, type KarigarIssueForm, type KarigarIssueStatus, type KarigarReceiptForm } from "../../lib/karigar"
import { pgArray } from "../../lib/pg-array"
import type { TallyJobWorkMovement } from "../../lib/tally"
import type { Metal } from "../../lib/pricing"
import { giveNumberBack, takeNextDocumentNumber } from "../../lib/series-counter"
import { pageKeySql, pageWithTotal, periodConditions, withDates } from "../../lib/sql-rows"
import { Karigar } from "./models/karigar"
import { KarigarIssue } from "./models/karigar-issue"
import { KarigarIssueCounter } from "./models/karigar-issue-counter"
import { KarigarReceipt } from "./models/karigar-receipt"

export type KarigarRow = {
  id: string
  name: string
  phone: string | null
  address: string | null
  gstin: string | null
  wastage_bps: number
  active: boolean
  note: string | null
  created_at: Date
}

export type KarigarInput = Omit<KarigarRow, "id" | "created_at">

export type IssueRow = {
  id: string
  number: string
  branch_id: string
  karigar_id: string
  job_card_id: string | null
  metal: Metal
  form: KarigarIssueForm
  description: string
  purity: number
  gross_weight_mg: number
  net_weight_mg: number
  fine_weight_mg: number
  allowed_wastage_bps: number
  from_old_gold_stock: boolean
  value_paise: number | null
  due_at: Date | null
  status: KarigarIssueStatus
  received_fine_mg: number
  wastage_fine_mg: number
  issued_by: string | null
  issued_at: Date
  settled_at: Date | null
  note: string | null
}

export type CreateIssueInput = Omit<IssueRow, "id" | "number" | "fine_weight_mg" | "status" | "received_fine_mg" | "wastage_fine_mg" | "issued_at" | "settled_at"> & {
  branch_code: string
  idempotency_key: string | null
}

export type ReceiptRow = {
  id: string
  issue_id: string
  karigar_id: string
  branch_id: string
  form: KarigarReceiptForm
  description: string
  purity: number
  gross_weight_mg: number
  net_weight_mg: number
  fine_weight_mg: number
  wastage_fine_mg: number
  to_old_gold_stock: boolean
  received_by: string | null
  received_at: Date
}

export type ReceiveInput = Omit<ReceiptRow, "id" | "karigar_id" | "branch_id" | "fine_weight_mg" | "received_at"> & { idempotency_key: string | null }

/** Fine metal a karigar holds of the shop's, per metal, over the issues still open. */
export type KarigarBalance = { karigar_id: string; metal: Metal; outstanding_mg: number; open_issues: number }

/** One line of a karigar's account: fine metal out to him (issue) or back (receipt, wastage allowed), and his balance of that metal after it. */
export type LedgerEntry = { at: Date; kind: "issue" | "receipt" | "wastage"; metal: Metal; fine_mg: number; reference: string; issue_id: string; branch_id: string; balance_mg: number }

const KARIGAR_COLUMNS = "id, name, phone, address, gstin, wastage_bps, active, note, created_at"
const ISSUE_COLUMNS =
  "id, number, branch_id, karigar_id, job_card_id, metal, form, description, purity, gross_weight_mg, net_weight_mg, fine_weight_mg, allowed_wastage_bps, " +
  "from_old_gold_stock, value_paise, due_at, status, received_fine_mg, wastage_fine_mg, issued_by, issued_at, settled_at, note"
const RECEIPT_COLUMNS =
  "id, issue_id, karigar_id, branch_id, form, description, purity, gross_weight_mg, net_weight_mg, fine_weight_mg, wastage_fine_mg, to_old_gold_stock, received_by, received_at"

/** A challan's metal out, or a receipt's back, with its karigar: one job-work voucher in the accounts. */
export type JobWorkMovement = TallyJobWorkMovement & { id: string; branch_id: string; metal: Metal }

/** Challans and receipts as one time line of movements (kind, id, at, deleted_at, branch_id, …). */
const JOB_WORK_MOVEMENTS = `
  select 'issue' as kind, i.id, i.issued_at as at, i.deleted_at, i.branch_id, i.number, i.metal, i.description,
         i.fine_weight_mg as fine_mg, 0 as wastage_fine_mg, i.fine_weight_mg as challan_fine_mg, i.value_paise as challan_value_paise,
         i.allowed_wastage_bps, k.name as karigar_name, k.gstin as karigar_gstin
    from karigar_issue i join karigar k on k.id = i.karigar_id
  union all
  select 'receipt', r.id, r.received_at, r.deleted_at, r.branch_id,
         i.number || '/R' || (select count(*) from karigar_receipt r2
                               where r2.issue_id = r.issue_id and r2.deleted_at is null and (r2.received_at, r2.id) <= (r.received_at, r.id)),
         i.metal, r.description, r.fine_weight_mg, r.wastage_fine_mg, i.fine_weight_mg, i.value_paise, i.allowed_wastage_bps, k.name, k.gstin
    from karigar_receipt r join karigar_issue i on i.id = r.issue_id join karigar k on k.id = r.karigar_id`

const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message, DOMAIN_CONFLICT)
const issueNotFound = (id: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `Job-work challan "${id}" was not found`)

/**
 * Karigars and their job work. Writes are raw SQL, one transaction each; a receipt locks its issue's row, so
 * two receipts at once take turns and the second is checked against what the first brought back.
 */
class KarigarModuleService extends MedusaService({ Karigar, KarigarIssue, KarigarReceipt, KarigarIssueCounter }) {
  /** Adds a karigar; a name another karigar has (any case) is refused. */
  @InjectManager()
  async addKarigar(input: KarigarInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<KarigarRow> {
    return this.addKarigar_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async addKarigar_(input: KarigarInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<KarigarRow> {
    const db = sharedContext.transactionManager!
    // One name at a time, so two clerks adding the same karigar at once make one.
    await db.execute("select pg_advisory_xact_lock(hashtext('karigar:' || lower(?)))", [input.name])
    await this.assertNameFree(db, input.name, null)
    const [row] = (await db.execute(
      `insert into karigar (id, name, phone, address, gstin, wastage_bps, active, note, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, now(), now()) returning ${KARIGAR_COLUMNS}`,
      [generateEntityId(undefined, "kgr"), input.name, input.phone, input.address, input.gstin, input.wastage_bps, input.active, input.note]
    )) as Record<string, unknown>[]
    return toKarigar(row)
  }

  /** Changes a karigar's details; his open issues keep the wastage they were issued with. */
  @InjectManager()
  async updateKarigar(id: string, patch: Partial<KarigarInput>, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<KarigarRow> {
    return this.updateKarigar_(id, patch, sharedContext)
  }

  @InjectTransactionManager()
  protected async updateKarigar_(id: string, patch: Partial<KarigarInput>, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<KarigarRow> {
    const db = sharedContext.transactionManager!
    const current = await this.karigarById(id, sharedContext)
    if (patch.name && patch.name.toLowerCase() !== current.name.toLowerCase()) {
      await db.execute("select pg_advisory_xact_lock(hashtext('karigar:' || lower(?)))", [patch.name])
      await this.assertNameFree(db, patch.name, id)
    }
    const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as KarigarRow
    const [row] = (await db.execute(
      `update karigar set name = ?, phone = ?, address = ?, gstin = ?, wastage_bps = ?, active = ?, note = ?, updated_at = now() where id = ? returning ${KARIGAR_COLUMNS}`,
      [next.name, next.phone, next.address, next.gstin, next.wastage_bps, next.active, next.note, id]
    )) as Record<string, unknown>[]
    return toKarigar(row)
  }

  private async assertNameFree(db: EntityManager, name: string, exceptId: string | null): Promise<void> {
    const [taken] = (await db.execute("select id, name from karigar where lower(name) = lower(?) and deleted_at is null and id <> coalesce(?, '')", [name, exceptId])) as {
      id: string
      name: string
    }[]
    if (taken) {
      throw conflict(`A karigar named "${taken.name}" exists already (${taken.id}); give this one a name that tells them apart`)
    }
  }

  @InjectManager()
  async karigarById(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<KarigarRow> {
    const [row] = (await sharedContext.manager!.execute(`select ${KARIGAR_COLUMNS} from karigar where id = ? and deleted_at is null`, [id])) as Record<string, unknown>[]
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Karigar "${id}" was not found`)
    }
    return toKarigar(row)
  }

  /** The karigar of this name in any case, or null: names are unique that way (assertNameFree). */
  @InjectManager()
  async karigarNamed(name: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<KarigarRow | null> {
    const [row] = (await sharedContext.manager!.execute(`select ${KARIGAR_COLUMNS} from karigar where lower(name) = lower(?) and deleted_at is null`, [name.trim()])) as Record<string, unknown>[]
    return row ? toKarigar(row) : null
  }

  /** Karigars by name; `q` matches name or phone, `active` only those taking work. */
  @InjectManager()
  async listKarigarRows(
    filter: { q: string | null; active: boolean | null; limit: number; offset: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ karigars: KarigarRow[]; count: number }> {
    const where = ["deleted_at is null"]
    const params: unknown[] = []
    if (filter.q) {
      where.push("(name ilike ? or phone ilike ?)")
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      params.push(like, like)
    }
    if (filter.active !== null) {
      where.push("active = ?")
      params.push(filter.active)
    }
    const rows = (await sharedContext.manager!.execute(
      `select ${KARIGAR_COLUMNS}, count(*) over () as total from karigar where ${where.join(" and ")} order by lower(name), id limit ? offset ?`,
      [...params, filter.limit, filter.offset]
    )) as (Record<string, unknown> & { total: string })[]
    const { rows: page, count } = pageWithTotal(rows)
    return { karigars: page.map(toKarigar), count }
  }

  /** What each karigar holds of the shop's fine metal over his open issues, of some branches (null for all). */
  @InjectManager()
  async balancesOf(karigarIds: string[], branchIds: string[] | null, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<KarigarBalance[]> {
    if (!karigarIds.length) {
      return []
    }
    const rows = (await sharedContext.manager!.execute(
      `select karigar_id, metal, sum(fine_weight_mg - received_fine_mg - wastage_fine_mg)::bigint as outstanding_mg, count(*)::int as open_issues
         from karigar_issue
        where karigar_id = any(?::text[]) and status = 'open' and deleted_at is null ${branchIds ? "and branch_id = any(?::text[])" : ""}
        group by karigar_id, metal order by karigar_id, metal`,
      branchIds ? [pgArray(karigarIds), pgArray(branchIds)] : [pgArray(karigarIds)]
    )) as { karigar_id: string; metal: Metal; outstanding_mg: string; open_issues: number }[]
    return rows.map((r) => ({ ...r, outstanding_mg: Number(r.outstanding_mg) }))
  }

  /**
   * A karigar's account, newest first: each issue (+), receipt and wastage allowed (−) of some branches (null for
   * all) with the balance of its metal after it, counted over the whole account.
   */
  @InjectManager()
  async ledgerOf(karigarId: string, branchIds: string[] | null, limit: number, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<LedgerEntry[]> {
    const branch = branchIds ? "and i.branch_id = any(?::text[])" : ""
    const scope = branchIds ? [pgArray(branchIds)] : []
    const rows = (await sharedContext.manager!.execute(
      `with entries as (
         select i.issued_at as at, 0 as turn, 'issue' as kind, i.metal, i.fine_weight_mg as fine_mg, i.number as reference, i.id as issue_id, i.branch_id
           from karigar_issue i where i.karigar_id = ? and i.deleted_at is null ${branch}
         union all
         select r.received_at, 1, 'receipt', i.metal, r.fine_weight_mg, i.number, i.id, i.branch_id
           from karigar_receipt r join karigar_issue i on i.id = r.issue_id
          where r.karigar_id = ? and r.deleted_at is null and r.fine_weight_mg > 0 ${branch}
         union all
         select r.received_at, 2, 'wastage', i.metal, r.wastage_fine_mg, i.number, i.id, i.branch_id
           from karigar_receipt r join karigar_issue i on i.id = r.issue_id
          where r.karigar_id = ? and r.deleted_at is null and r.wastage_fine_mg > 0 ${branch}
       )
       select at, kind, metal, fine_mg, reference, issue_id, branch_id,
              sum(case when kind = 'issue' then fine_mg else -fine_mg end) over (partition by metal order by at, turn, reference rows unbounded preceding)::bigint as balance_mg
         from entries order by at desc, turn desc, reference desc limit ?`,
      [karigarId, ...scope, karigarId, ...scope, karigarId, ...scope, limit]
    )) as Record<string, unknown>[]
    return rows.map((r) => ({ ...(withDates(r) as unknown as LedgerEntry), fine_mg: Number(r.fine_mg), balance_mg: Number(r.balance_mg) }))
  }

  /** Writes an issue, numbered next in the branch's series of job-work challans, its fine weight worked out from its net weight and purity. */
  @InjectManager()
  async createIssue(input: CreateIssueInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<IssueRow> {
    return this.createIssue_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async createIssue_(input: CreateIssueInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<IssueRow> {
    const db = sharedContext.transactionManager!
    const { number, series, sequence } = await takeNextDocumentNumber(db, "karigar_issue_counter", "job_work_challan", input.branch_code)
    const value = input.value_paise
    const [row] = (await db.execute(
      `insert into karigar_issue (id, number, series, sequence, branch_id, karigar_id, job_card_id, metal, form, description, purity, gross_weight_mg, net_weight_mg, fine_weight_mg,
                                  allowed_wastage_bps, from_old_gold_stock, value_paise, raw_value_paise, due_at, status, issued_by, issued_at, note, idempotency_key, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, 'open', ?, now(), ?, ?, now(), now())
       on conflict (idempotency_key) where idempotency_key is not null and deleted_at is null do nothing
       returning ${ISSUE_COLUMNS}`,
      [
        generateEntityId(undefined, "kis"),
        number,
        series,
        sequence,
        input.branch_id,
        input.karigar_id,
        input.job_card_id,
        input.metal,
        input.form,
        input.description,
        input.purity,
        input.gross_weight_mg,
        input.net_weight_mg,
        fineWeightMg(input.net_weight_mg, input.purity),
        input.allowed_wastage_bps,
        input.from_old_gold_stock,
        value,
        value === null ? null : JSON.stringify({ value: String(value), precision: 20 }),
        input.due_at,
        input.issued_by,
        input.note,
        input.idempotency_key,
      ]
    )) as Record<string, unknown>[]
    if (!row) {
      throw conflict("A challan with this idempotency key is being written right now; send it again to get that challan")
    }
    return toIssue(row)
  }

  /** Withdraws an issue written by a workflow that failed later (nothing can have been received on it yet), its number given back. */
  @InjectManager()
  async discardIssue(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const db = sharedContext.manager!
    const [taken] = (await db.execute("delete from karigar_issue where id = ? and not exists (select 1 from karigar_receipt where issue_id = ?) returning series, sequence", [id, id])) as {
      series: string
      sequence: number
    }[]
    await giveNumberBack(db, "karigar_issue_counter", taken)
  }

  /**
   * Books a receipt against an issue under a lock on its row: the fine metal worked out from the net weight and
   * purity, checked against what is still out and the wastage the job allows (409 naming why, nothing written);
   * the issue settles when it balances. The same idempotency key again answers the first receipt (`created: false`).
   */
  @InjectManager()
  async receive(input: ReceiveInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ issue: IssueRow; receipt: ReceiptRow; created: boolean }> {
    return this.receive_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async receive_(input: ReceiveInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ issue: IssueRow; receipt: ReceiptRow; created: boolean }> {
    const db = sharedContext.transactionManager!
    const [row] = (await db.execute(`select ${ISSUE_COLUMNS} from karigar_issue where id = ? and deleted_at is null for update`, [input.issue_id])) as Record<string, unknown>[]
    if (!row) {
      throw issueNotFound(input.issue_id)
    }
    const issue = toIssue(row)
    if (input.idempotency_key) {
      const [earlier] = (await db.execute(`select ${RECEIPT_COLUMNS} from karigar_receipt where idempotency_key = ? and deleted_at is null`, [input.idempotency_key])) as Record<string, unknown>[]
      if (earlier) {
        if (earlier.issue_id !== issue.id) {
          throw new MedusaError(MedusaError.Types.INVALID_DATA, "idempotency_key: this key booked a receipt on another challan; use a new key for a new receipt")
        }
        return { issue, receipt: toReceipt(earlier), created: false }
      }
    }
    if (input.to_old_gold_stock && input.form !== "metal") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "to_old_gold_stock: only metal goes back into the old-metal stock; pieces come back to the counter")
    }
    const fine = fineWeightMg(input.net_weight_mg, input.purity)
    const problem = receiptProblem(issue, { fine_weight_mg: fine, wastage_fine_mg: input.wastage_fine_mg })
    if (problem) {
      throw conflict(problem)
    }
    const [receipt] = (await db.execute(
      `insert into karigar_receipt (id, issue_id, karigar_id, branch_id, form, description, purity, gross_weight_mg, net_weight_mg, fine_weight_mg, wastage_fine_mg, to_old_gold_stock,
                                    received_by, received_at, idempotency_key, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?, now(), now()) returning ${RECEIPT_COLUMNS}`,
      [
        generateEntityId(undefined, "krc"),
        issue.id,
        issue.karigar_id,
        issue.branch_id,
        input.form,
        input.description,
        input.purity,
        input.gross_weight_mg,
        input.net_weight_mg,
        fine,
        input.wastage_fine_mg,
        input.to_old_gold_stock,
        input.received_by,
        input.idempotency_key,
      ]
    )) as Record<string, unknown>[]
    const next = afterReceipt(issue, { fine_weight_mg: fine, wastage_fine_mg: input.wastage_fine_mg })
    const [updated] = (await db.execute(
      `update karigar_issue set received_fine_mg = ?, wastage_fine_mg = ?, status = ?, settled_at = case when ? = 'settled' then now() else null end, updated_at = now()
        where id = ? returning ${ISSUE_COLUMNS}`,
      [next.received_fine_mg, next.wastage_fine_mg, next.status, next.status, issue.id]
    )) as Record<string, unknown>[]
    return { issue: toIssue(updated), receipt: toReceipt(receipt), created: true }
  }

  /** Takes back a receipt whose workflow failed later: the receipt goes and the issue's account with it. */
  @InjectManager()
  async withdrawReceipt(receiptId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    return this.withdrawReceipt_(receiptId, sharedContext)
  }

  @InjectTransactionManager()
  protected async withdrawReceipt_(receiptId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const db = sharedContext.transactionManager!
    const [receipt] = (await db.execute("delete from karigar_receipt where id = ? returning issue_id, fine_weight_mg, wastage_fine_mg", [receiptId])) as {
      issue_id: string
      fine_weight_mg: number
      wastage_fine_mg: number
    }[]
    if (receipt) {
      await db.execute(
        `update karigar_issue set received_fine_mg = received_fine_mg - ?, wastage_fine_mg = wastage_fine_mg - ?, status = 'open', settled_at = null, updated_at = now() where id = ?`,
        [receipt.fine_weight_mg, receipt.wastage_fine_mg, receipt.issue_id]
      )
    }
  }

  @InjectManager()
  async challanById(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<IssueRow> {
    const [row] = (await sharedContext.manager!.execute(`select ${ISSUE_COLUMNS} from karigar_issue where id = ? and deleted_at is null`, [id])) as Record<string, unknown>[]
    if (!row) {
      throw issueNotFound(id)
    }
    return toIssue(row)
  }

  @InjectManager()
  async challanByKey(key: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<IssueRow | null> {
    const [row] = (await sharedContext.manager!.execute(`select ${ISSUE_COLUMNS} from karigar_issue where idempotency_key = ? and deleted_at is null`, [key])) as Record<string, unknown>[]
    return row ? toIssue(row) : null
  }

  /** Receipts of some issues, oldest first. */
  @InjectManager()
  async receiptsOf(issueIds: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<ReceiptRow[]> {
    if (!issueIds.length) {
      return []
    }
    const rows = (await sharedContext.manager!.execute(
      `select ${RECEIPT_COLUMNS} from karigar_receipt where issue_id = any(?::text[]) and deleted_at is null order by received_at, id`,
      [pgArray(issueIds)]
    )) as Record<string, unknown>[]
    return rows.map(toReceipt)
  }

  /** How many job-work movements [from, to) holds at these branches, per karigar and metal: the masters an export needs, and its size. */
  @InjectManager()
  async countJobWorkBetween(
    { from, to, branch_ids }: { from: Date; to: Date; branch_ids?: string[] },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ karigar: { name: string; gstin: string | null }; metal: Metal; movements: number }[]> {
    const { where, values } = periodConditions({ alias: "m", at: "at", from, to, branch_ids })
    const rows = (await sharedContext.manager!.execute(
      `select m.karigar_name, m.karigar_gstin, m.metal, count(*)::int as movements from (${JOB_WORK_MOVEMENTS}) m
        where ${where.join(" and ")} group by 1, 2, 3 order by 1, 3`,
      values
    )) as { karigar_name: string; karigar_gstin: string | null; metal: Metal; movements: number }[]
    return rows.map((r) => ({ karigar: { name: r.karigar_name, gstin: r.karigar_gstin }, metal: r.metal, movements: Number(r.movements) }))
  }

  /**
   * Metal out on challans and back on receipts in [from, to) at these branches (all when not given), a page in
   * time order after `after` (keyset; each row's `page_key` is what to pass back, sql-rows.ts pageKeySql): what
   * the accounts' job-work vouchers post. A receipt is numbered by its place among its challan's receipts
   * (`MUM/JW26-27/0001/R2`).
   */
  @InjectManager()
  async listJobWorkBetween(
    { from, to, branch_ids, after, limit }: { from: Date; to: Date; branch_ids?: string[]; after?: { at: Date | string; id: string } | null; limit: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<(JobWorkMovement & { page_key: string })[]> {
    const { where, values } = periodConditions({ alias: "m", at: "at", from, to, branch_ids, after })
    const rows = (await sharedContext.manager!.execute(
      `select m.*, ${pageKeySql("m.at")} as page_key from (${JOB_WORK_MOVEMENTS}) m where ${where.join(" and ")} order by m.at, m.id limit ?`,
      [...values, limit]
    )) as Record<string, unknown>[]
    return rows.map((r) => ({
      kind: r.kind as JobWorkMovement["kind"],
      id: String(r.id),
      at: new Date(r.at as string),
      branch_id: String(r.branch_id),
      number: String(r.number),
      karigar: { name: String(r.karigar_name), gstin: (r.karigar_gstin as string | null) ?? null },
      metal: r.metal as Metal,
      description: String(r.description),
      fine_mg: Number(r.fine_mg),
      wastage_fine_mg: Number(r.wastage_fine_mg),
      challan_fine_mg: Number(r.challan_fine_mg),
      challan_value_paise: r.challan_value_paise === null ? null : Number(r.challan_value_paise),
      allowed_wastage_bps: Number(r.allowed_wastage_bps),
      page_key: String(r.page_key),
    }))
  }

  /** Issues, open ones first, newest first: of some branches (null for all), a karigar, a job card, some statuses. */
  @InjectManager()
  async listIssues(
    filter: { branch_ids: string[] | null; karigar_id: string | null; job_card_id: string | null; statuses: KarigarIssueStatus[] | null; limit: number; offset: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ issues: IssueRow[]; count: number }> {
    const where = ["deleted_at is null"]
    const params: unknown[] = []
    for (const [column, value] of [
      ["karigar_id", filter.karigar_id],
      ["job_card_id", filter.job_card_id],
    ] as const) {
      if (value) {
        where.push(`${column} = ?`)
        params.push(value)
      }
    }
    if (filter.branch_ids) {
      where.push("branch_id = any(?::text[])")
      params.push(pgArray(filter.branch_ids))
    }
    if (filter.statuses) {
      where.push("status = any(?::text[])")
      params.push(pgArray(filter.statuses))
    }
    const rows = (await sharedContext.manager!.execute(
      `select ${ISSUE_COLUMNS}, count(*) over () as total from karigar_issue where ${where.join(" and ")}
        order by case when status = 'open' then 0 else 1 end, issued_at desc, id limit ? offset ?`,
      [...params, filter.limit, filter.offset]
    )) as (Record<string, unknown> & { total: string })[]
    const { rows: page, count } = pageWithTotal(rows)
    return { issues: page.map(toIssue), count }
  }
}

const numeric = (v: unknown) => (v === null || v === undefined ? null : Number(v))

function toKarigar(row: Record<string, unknown>): KarigarRow {
  return { ...(withDates(row) as unknown as KarigarRow), wastage_bps: Number(row.wastage_bps) }
}

function toIssue(row: Record<string, unknown>): IssueRow {
  return {
    ...(withDates(row) as unknown as IssueRow),
    purity: Number(row.purity),
    gross_weight_mg: Number(row.gross_weight_mg),
    net_weight_mg: Number(row.net_weight_mg),
    fine_weight_mg: Number(row.fine_weight_mg),
    allowed_wastage_bps: Number(row.allowed_wastage_bps),
    value_paise: numeric(row.value_paise),
    received_fine_mg: Number(row.received_fine_mg),
    wastage_fine_mg: Number(row.wastage_fine_mg),
  }
}

function toReceipt(row: Record<string, unknown>): ReceiptRow {
  return {
    ...(withDates(row) as unknown as ReceiptRow),
    purity: Number(row.purity),
    gross_weight_mg: Number(row.gross_weight_mg),
    net_weight_mg: Number(row.net_weight_mg),
    fine_weight_mg: Number(row.fine_weight_mg),
    wastage_fine_mg: Number(row.wastage_fine_mg),
  }
}

export default KarigarModuleService
