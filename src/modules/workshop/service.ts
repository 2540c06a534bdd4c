import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { DOMAIN_CONFLICT } from "../../lib/errors"
import { pgArray } from "../../lib/pg-array"
import { giveNumberBack, takeNextDocumentNumber } from "../../lib/series-counter"
import { pageWithTotal, withDates } from "../../lib/sql-rows"
import { formatInr } from "../../lib/money"
import {
  advanceProblem,
  jobCashProblem,
  jobPhotosProblem,
  jobStepProblem,
  weightOutProblem,
  type JobKind,
  type JobPaymentKind,
  type JobPhoto,
  type JobStatus,
  type JobTender,
} from "../../lib/workshop"
import { JobCard } from "./models/job-card"
import { JobCardCounter } from "./models/job-card-counter"
import { JobCardPayment } from "./models/job-card-payment"

export type JobRow = {
  id: string
  number: string
  branch_id: string
  customer_id: string
  kind: JobKind
  article: string
  work: string
  gross_weight_in_mg: number
  net_weight_in_mg: number
  customer_material: string | null
  adds_material: boolean
  allowed_loss_bps: number
  estimate_paise: number | null
  due_at: Date
  karigar_name: string | null
  karigar_id: string | null
  status: JobStatus
  gross_weight_out_mg: number | null
  net_weight_out_mg: number | null
  received_by: string | null
  received_at: Date
  sent_at: Date | null
  ready_at: Date | null
  delivered_at: Date | null
  delivered_by: string | null
  cancelled_at: Date | null
  note: string | null
  photos: JobPhoto[]
  charges_paise: number | null
  customer_gstin: string | null
  invoice_id: string | null
  invoice_number: string | null
}

export type JobPaymentRow = {
  id: string
  job_card_id: string
  branch_id: string
  kind: JobPaymentKind
  tender: JobTender
  amount_paise: number
  reference: string | null
  number: string | null
  invoice_id: string | null
  paid_at: Date
  user_id: string | null
}

export type TakeAdvanceInput = { job_id: string; branch_code: string; amount_paise: number; tender: JobTender; reference: string | null; user_id: string | null; idempotency_key: string | null }

/**
 * The money of a job that closes: the balance tenders taken at delivery and the refunds of what the advances paid
 * beyond the bill, worked out beforehand from `paid_paise`; refused if the advances changed since.
 */
export type SettleJobInput = {
  job_id: string
  branch_code: string
  paid_paise: number
  charges_paise: number | null
  customer_gstin: string | null
  balance: { tender: JobTender; amount_paise: number; reference: string | null }[]
  refunds: { tender: JobTender; amount_paise: number }[]
  user_id: string | null
}

export type CreateJobInput = Omit<JobRow, "id" | "number" | "status" | "photos" | "gross_weight_out_mg" | "net_weight_out_mg" | "received_at" | "sent_at" | "ready_at" | "delivered_at" | "delivered_by" | "cancelled_at" | "karigar_id" | "charges_paise" | "customer_gstin" | "invoice_id" | "invoice_number"
> & {
  branch_code: string
  idempotency_key: string | null
}

/** A step of a job: where it goes, and at delivery what it weighs now; to the karigar, who. */
export type MoveJobInput = { id: string; to: JobStatus; user_id: string | null; karigar_name?: string | null; karigar_id?: string | null; gross_weight_out_mg?: number | null; net_weight_out_mg?: number | null; note?: string | null }

const COLUMNS =
  "id, number, branch_id, customer_id, kind, article, work, gross_weight_in_mg, net_weight_in_mg, customer_material, adds_material, allowed_loss_bps, estimate_paise, due_at, karigar_name, karigar_id, status, " +
  "gross_weight_out_mg, net_weight_out_mg, received_by, received_at, sent_at, ready_at, delivered_at, delivered_by, cancelled_at, note, photos, charges_paise, customer_gstin, invoice_id, invoice_number"

const PAYMENT_COLUMNS = "id, job_card_id, branch_id, kind, tender, amount_paise, reference, number, invoice_id, paid_at, user_id"

/** What the advances on a job paid, less what was handed back. */
const PAID_SQL = `select coalesce(sum(case kind when 'refund' then -amount_paise else amount_paise end), 0)::bigint::text as paid,
                         coalesce(sum(case when tender = 'cash' then (case kind when 'refund' then -amount_paise else amount_paise end) else 0 end), 0)::bigint::text as cash
                    from job_card_payment where job_card_id = ? and deleted_at is null`

const notFound = (id: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `Job card "${id}" was not found`)
const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message, DOMAIN_CONFLICT)
/** The timestamp column a step sets. */
const STEP_AT: Partial<Record<JobStatus, string>> = { with_karigar: "sent_at", ready: "ready_at", delivered: "delivered_at", cancelled: "cancelled_at" }

/**
 * Job cards of the workshop. Writes are raw SQL, one transaction each; a step locks the job's row, so two steps at
 * once take turns and each is checked against the step before it (src/lib/workshop.ts).
 */
class WorkshopModuleService extends MedusaService({ JobCard, JobCardCounter, JobCardPayment }) {
  /** Writes a job card received, numbered next in the branch's series for the year. */
  @InjectManager()
  async createJob(input: CreateJobInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<JobRow> {
    return this.createJob_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async createJob_(input: CreateJobInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<JobRow> {
    const db = sharedContext.transactionManager!
    const { number, series, sequence } = await takeNextDocumentNumber(db, "job_card_counter", "job_card", input.branch_code)
    const estimate = input.estimate_paise
    const [row] = (await db.execute(
      `insert into job_card (id, number, series, sequence, branch_id, customer_id, kind, article, work, gross_weight_in_mg, net_weight_in_mg, customer_material, adds_material,
                             allowed_loss_bps, estimate_paise, raw_estimate_paise, due_at, karigar_name, status, received_by, received_at, note, idempotency_key, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, 'received', ?, now(), ?, ?, now(), now())
       on conflict (idempotency_key) where idempotency_key is not null and deleted_at is null do nothing
       returning ${COLUMNS}`,
      [
        generateEntityId(undefined, "job"),
        number,
        series,
        sequence,
        input.branch_id,
        input.customer_id,
        input.kind,
        input.article,
        input.work,
        input.gross_weight_in_mg,
        input.net_weight_in_mg,
        input.customer_material,
        input.adds_material,
        input.allowed_loss_bps,
        estimate,
        estimate === null ? null : rawPaise(estimate),
        input.due_at,
        input.karigar_name,
        input.received_by,
        input.note,
        input.idempotency_key,
      ]
    )) as Record<string, unknown>[]
    if (!row) {
      throw conflict("A job card with this idempotency key is being written right now; send it again to get that job card")
    }
    return toJob(row)
  }

  /** Withdraws a job card written by a workflow that failed later. */
  @InjectManager()
  async discardJob(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const db = sharedContext.manager!
    const [taken] = (await db.execute("delete from job_card where id = ? returning series, sequence", [id])) as { series: string; sequence: number }[]
    await giveNumberBack(db, "job_card_counter", taken)
  }

  /**
   * Moves a job a step, under a row lock on it: the step must follow the one it is at, and delivery needs the
   * weight out within what the job allows (409 naming why, nothing written). Answers the job before and after.
   */
  @InjectManager()
  async moveJob(input: MoveJobInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ before: JobRow; job: JobRow }> {
    return this.moveJob_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async moveJob_(input: MoveJobInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ before: JobRow; job: JobRow }> {
    const db = sharedContext.transactionManager!
    const [row] = (await db.execute(`select ${COLUMNS} from job_card where id = ? and deleted_at is null for update`, [input.id])) as Record<string, unknown>[]
    if (!row) {
      throw notFound(input.id)
    }
    const before = toJob(row)
    const step = jobStepProblem(before.status, input.to)
    if (step) {
      throw conflict(`Job ${before.number}: ${step}`)
    }
    const sets = ["status = ?", "updated_at = now()"]
    const params: unknown[] = [input.to]
    const at = STEP_AT[input.to]
    if (at) {
      sets.push(`${at} = now()`)
    }
    if (input.to === "with_karigar") {
      if (!input.karigar_name && !before.karigar_name) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "karigar_name: say which karigar the job goes to")
      }
      sets.push("karigar_name = ?", "karigar_id = ?")
      params.push(input.karigar_name ?? before.karigar_name, input.karigar_name ? (input.karigar_id ?? null) : before.karigar_id)
    }
    if (input.to === "delivered") {
      if (input.net_weight_out_mg === undefined || input.net_weight_out_mg === null || input.gross_weight_out_mg === undefined || input.gross_weight_out_mg === null) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "gross_weight_out and net_weight_out: weigh the article as it is handed back")
      }
      const problem = weightOutProblem(before, input.net_weight_out_mg)
      if (problem) {
        throw conflict(`Job ${before.number}: ${problem}`)
      }
      sets.push("gross_weight_out_mg = ?", "net_weight_out_mg = ?", "delivered_by = ?")
      params.push(input.gross_weight_out_mg, input.net_weight_out_mg, input.user_id)
    }
    if (input.note) {
      sets.push("note = ?")
      params.push(input.note)
    }
    const [after] = (await db.execute(`update job_card set ${sets.join(", ")} where id = ? returning ${COLUMNS}`, [...params, input.id])) as Record<string, unknown>[]
    return { before, job: toJob(after) }
  }

  /** Adds photos to a job under a lock on its row: refused (409, nothing written) on a cancelled job or past the most a job keeps. */
  @InjectManager()
  async addPhotos(id: string, photos: JobPhoto[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<JobRow> {
    return this.addPhotos_(id, photos, sharedContext)
  }

  @InjectTransactionManager()
  protected async addPhotos_(id: string, photos: JobPhoto[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<JobRow> {
    const db = sharedContext.transactionManager!
    const [row] = (await db.execute(`select ${COLUMNS} from job_card where id = ? and deleted_at is null for update`, [id])) as Record<string, unknown>[]
    if (!row) {
      throw notFound(id)
    }
    const job = toJob(row)
    const problem = jobPhotosProblem(job.status, job.photos.length, photos.length)
    if (problem) {
      throw conflict(`Job ${job.number}: ${problem}`)
    }
    const [after] = (await db.execute(`update job_card set photos = ?::jsonb, updated_at = now() where id = ? returning ${COLUMNS}`, [JSON.stringify([...job.photos, ...photos]), id])) as Record<string, unknown>[]
    return toJob(after)
  }

  /** Takes photos off a job again (a workflow that added them failed later). */
  @InjectManager()
  async removePhotos(id: string, fileIds: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await sharedContext.manager!.execute(
      `update job_card set photos = coalesce((select jsonb_agg(p) from jsonb_array_elements(photos) p where not (p->>'file_id' = any(?::text[]))), '[]'::jsonb), updated_at = now() where id = ?`,
      [pgArray(fileIds), id]
    )
  }

  /** Puts a job back as it was before a step whose workflow failed later. */
  @InjectManager()
  async restoreJob(before: JobRow, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await sharedContext.manager!.execute(
      `update job_card set status = ?, karigar_name = ?, karigar_id = ?, gross_weight_out_mg = ?, net_weight_out_mg = ?, sent_at = ?, ready_at = ?, delivered_at = ?, delivered_by = ?,
                           cancelled_at = ?, note = ?, updated_at = now() where id = ?`,
      [before.status, before.karigar_name, before.karigar_id, before.gross_weight_out_mg, before.net_weight_out_mg, before.sent_at, before.ready_at, before.delivered_at, before.delivered_by, before.cancelled_at, before.note, before.id]
    )
  }

  /**
   * Takes an advance on an open job, under a lock on its row, on a receipt voucher numbered next in the branch's
   * series: refused (409, nothing written) on a closed job or beyond the estimate with GST, and cash that would
   * bring the job's cash to ₹2,00,000 (400). The same idempotency key again answers the payment it took.
   */
  @InjectManager()
  async takeAdvance(input: TakeAdvanceInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ payment: JobPaymentRow; created: boolean }> {
    return this.takeAdvance_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async takeAdvance_(input: TakeAdvanceInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ payment: JobPaymentRow; created: boolean }> {
    const db = sharedContext.transactionManager!
    const [row] = (await db.execute(`select ${COLUMNS} from job_card where id = ? and deleted_at is null for update`, [input.job_id])) as Record<string, unknown>[]
    if (!row) {
      throw notFound(input.job_id)
    }
    const job = toJob(row)
    if (input.idempotency_key) {
      const [taken] = (await db.execute(`select ${PAYMENT_COLUMNS} from job_card_payment where idempotency_key = ? and deleted_at is null`, [input.idempotency_key])) as Record<string, unknown>[]
      if (taken) {
        if (taken.job_card_id !== job.id) {
          throw conflict("This idempotency key was used for another job's payment; use a new key for this one")
        }
        return { payment: toPayment(taken), created: false }
      }
    }
    const [{ paid, cash }] = (await db.execute(PAID_SQL, [job.id])) as { paid: string; cash: string }[]
    const problem = advanceProblem(job, Number(paid), input.amount_paise)
    if (problem) {
      throw conflict(`Job ${job.number}: ${problem}`)
    }
    const cashProblem = input.tender === "cash" ? jobCashProblem(Number(cash) + input.amount_paise) : null
    if (cashProblem) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Job ${job.number}: ${cashProblem}`)
    }
    const payment = await insertPayment(db, {
      job,
      kind: "advance",
      tender: input.tender,
      amount_paise: input.amount_paise,
      reference: input.reference,
      voucher: await takeNextDocumentNumber(db, "job_card_counter", "receipt_voucher", input.branch_code),
      user_id: input.user_id,
      idempotency_key: input.idempotency_key,
    })
    return { payment, created: true }
  }

  /**
   * Books a closing job's money under a lock on its row: the balance taken on its invoice and the refunds (each on
   * a refund voucher), and the charges it was billed at. Refused (409) when the advances changed since the bill
   * was worked out. Answers the payments written.
   */
  @InjectManager()
  async settleJob(input: SettleJobInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<JobPaymentRow[]> {
    return this.settleJob_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async settleJob_(input: SettleJobInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<JobPaymentRow[]> {
    const db = sharedContext.transactionManager!
    const [job] = (await db.execute("select id, number, branch_id from job_card where id = ? and deleted_at is null for update", [input.job_id])) as { id: string; number: string; branch_id: string }[]
    if (!job) {
      throw notFound(input.job_id)
    }
    const [{ paid }] = (await db.execute(PAID_SQL, [input.job_id])) as { paid: string }[]
    if (Number(paid) !== input.paid_paise) {
      throw conflict(`Job ${job.number}: an advance was taken or refunded meanwhile (${formatInr(Number(paid))} paid now); look at the job again and retry`)
    }
    const written: JobPaymentRow[] = []
    for (const t of input.balance) {
      written.push(await insertPayment(db, { job, kind: "balance", tender: t.tender, amount_paise: t.amount_paise, reference: t.reference, voucher: null, user_id: input.user_id, idempotency_key: null }))
    }
    for (const r of input.refunds) {
      const voucher = await takeNextDocumentNumber(db, "job_card_counter", "refund_voucher", input.branch_code)
      written.push(await insertPayment(db, { job, kind: "refund", tender: r.tender, amount_paise: r.amount_paise, reference: null, voucher, user_id: input.user_id, idempotency_key: null }))
    }
    await db.execute("update job_card set charges_paise = ?, raw_charges_paise = ?::jsonb, customer_gstin = ?, updated_at = now() where id = ?", [
      input.charges_paise,
      input.charges_paise === null ? null : rawPaise(input.charges_paise),
      input.customer_gstin,
      input.job_id,
    ])
    return written
  }

  /** Withdraws payments a failed workflow wrote, their voucher numbers back to the series when still the last. */
  @InjectManager()
  async discardPayments(paymentIds: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const db = sharedContext.manager!
    const taken = (await db.execute("delete from job_card_payment where id = any(?::text[]) returning series, sequence", [pgArray(paymentIds)])) as { series: string | null; sequence: number | null }[]
    for (const t of taken.filter((t) => t.series).sort((a, b) => Number(b.sequence) - Number(a.sequence))) {
      await giveNumberBack(db, "job_card_counter", { series: t.series!, sequence: Number(t.sequence) })
    }
  }

  /** Withdraws a closing job's settlement: its payments, and the charges and invoice noted on the job. */
  @InjectManager()
  async discardSettlement(jobId: string, paymentIds: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await this.discardPayments(paymentIds, sharedContext)
    await sharedContext.manager!.execute(
      "update job_card set charges_paise = null, raw_charges_paise = null, customer_gstin = null, invoice_id = null, invoice_number = null, updated_at = now() where id = ?",
      [jobId]
    )
  }

  /** Records the tax invoice a delivered job's work was billed on, on the job and on the balance taken with it. */
  @InjectManager()
  async linkInvoice(jobId: string, invoice: { id: string; number: string }, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const db = sharedContext.manager!
    await db.execute("update job_card set invoice_id = ?, invoice_number = ?, updated_at = now() where id = ?", [invoice.id, invoice.number, jobId])
    await db.execute("update job_card_payment set invoice_id = ?, updated_at = now() where job_card_id = ? and kind = 'balance' and deleted_at is null", [invoice.id, jobId])
  }

  /** The payments of some jobs, oldest first. */
  @InjectManager()
  async paymentsOf(jobIds: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<JobPaymentRow[]> {
    if (!jobIds.length) {
      return []
    }
    const rows = (await sharedContext.manager!.execute(
      `select ${PAYMENT_COLUMNS} from job_card_payment where job_card_id = any(?::text[]) and deleted_at is null order by paid_at, id`,
      [pgArray(jobIds)]
    )) as Record<string, unknown>[]
    return rows.map(toPayment)
  }

  @InjectManager()
  async jobById(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<JobRow> {
    const [row] = (await sharedContext.manager!.execute(`select ${COLUMNS} from job_card where id = ? and deleted_at is null`, [id])) as Record<string, unknown>[]
    if (!row) {
      throw notFound(id)
    }
    return toJob(row)
  }

  @InjectManager()
  async jobByKey(key: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<JobRow | null> {
    const [row] = (await sharedContext.manager!.execute(`select ${COLUMNS} from job_card where idempotency_key = ? and deleted_at is null`, [key])) as Record<string, unknown>[]
    return row ? toJob(row) : null
  }

  /** Job cards, those due first among the open ones: of some branches (null for all), a customer, a karigar, some statuses, only overdue (not delivered past due). */
  @InjectManager()
  async listJobs(
    filter: { branch_ids: string[] | null; customer_id: string | null; karigar_id?: string | null; statuses: JobStatus[] | null; overdue: boolean; limit: number; offset: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ jobs: JobRow[]; count: number }> {
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
    if (filter.karigar_id) {
      where.push("karigar_id = ?")
      params.push(filter.karigar_id)
    }
    if (filter.statuses) {
      where.push("status = any(?::text[])")
      params.push(pgArray(filter.statuses))
    }
    if (filter.overdue) {
      where.push("status in ('received', 'with_karigar', 'ready') and due_at < now()")
    }
    const rows = (await sharedContext.manager!.execute(
      `select ${COLUMNS}, count(*) over () as total from job_card where ${where.join(" and ")}
        order by case when status in ('delivered', 'cancelled') then 1 else 0 end, due_at, id limit ? offset ?`,
      [...params, filter.limit, filter.offset]
    )) as (Record<string, unknown> & { total: string })[]
    const { rows: page, count } = pageWithTotal(rows)
    return { jobs: page.map(toJob), count }
  }
}

const rawPaise = (paise: number) => JSON.stringify({ value: String(paise), precision: 20 })

/** Writes one of a job's payments, with the voucher it is on (a balance has none: it is on the invoice). */
async function insertPayment(
  db: EntityManager,
  p: {
    job: { id: string; branch_id: string }
    kind: JobPaymentKind
    tender: JobTender
    amount_paise: number
    reference: string | null
    voucher: { number: string; series: string; sequence: number } | null
    user_id: string | null
    idempotency_key: string | null
  }
): Promise<JobPaymentRow> {
  const [row] = (await db.execute(
    `insert into job_card_payment (id, job_card_id, branch_id, kind, tender, amount_paise, raw_amount_paise, reference, number, series, sequence, paid_at, user_id, idempotency_key, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, now(), ?, ?, now(), now()) returning ${PAYMENT_COLUMNS}`,
    [
      generateEntityId(undefined, "jobpay"),
      p.job.id,
      p.job.branch_id,
      p.kind,
      p.tender,
      p.amount_paise,
      rawPaise(p.amount_paise),
      p.reference,
      p.voucher?.number ?? null,
      p.voucher?.series ?? null,
      p.voucher?.sequence ?? null,
      p.user_id,
      p.idempotency_key,
    ]
  )) as Record<string, unknown>[]
  return toPayment(row)
}

function toPayment(row: Record<string, unknown>): JobPaymentRow {
  return { ...(withDates(row) as unknown as JobPaymentRow), amount_paise: Number(row.amount_paise) }
}

function toJob(row: Record<string, unknown>): JobRow {
  const number = (v: unknown) => (v === null || v === undefined ? null : Number(v))
  return {
    ...(withDates(row) as unknown as JobRow),
    gross_weight_in_mg: Number(row.gross_weight_in_mg),
    net_weight_in_mg: Number(row.net_weight_in_mg),
    allowed_loss_bps: Number(row.allowed_loss_bps),
    estimate_paise: number(row.estimate_paise),
    gross_weight_out_mg: number(row.gross_weight_out_mg),
    net_weight_out_mg: number(row.net_weight_out_mg),
    photos: (row.photos as JobPhoto[] | null) ?? [],
    charges_paise: number(row.charges_paise),
  }
}

export default WorkshopModuleService
