import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { DOMAIN_CONFLICT } from "../../lib/errors"
import { pgArray } from "../../lib/pg-array"
import { giveNumberBack, takeNextDocumentNumber } from "../../lib/series-counter"
import { pageWithTotal, withDates } from "../../lib/sql-rows"
import { jobPhotosProblem, jobStepProblem, weightOutProblem, type JobKind, type JobPhoto, type JobStatus } from "../../lib/workshop"
import { JobCard } from "./models/job-card"
import { JobCardCounter } from "./models/job-card-counter"

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
}

export type CreateJobInput = Omit<JobRow, "id" | "number" | "status" | "photos" | "gross_weight_out_mg" | "net_weight_out_mg" | "received_at" | "sent_at" | "ready_at" | "delivered_at" | "delivered_by" | "cancelled_at"> & {
  branch_code: string
  idempotency_key: string | null
}

/** A step of a job: where it goes, and at delivery what it weighs now; to the karigar, who. */
export type MoveJobInput = { id: string; to: JobStatus; user_id: string | null; karigar_name?: string | null; gross_weight_out_mg?: number | null; net_weight_out_mg?: number | null; note?: string | null }

const COLUMNS =
  "id, number, branch_id, customer_id, kind, article, work, gross_weight_in_mg, net_weight_in_mg, customer_material, adds_material, allowed_loss_bps, estimate_paise, due_at, karigar_name, status, " +
  "gross_weight_out_mg, net_weight_out_mg, received_by, received_at, sent_at, ready_at, delivered_at, delivered_by, cancelled_at, note, photos"

const notFound = (id: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `Job card "${id}" was not found`)
const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message, DOMAIN_CONFLICT)
/** The timestamp column a step sets. */
const STEP_AT: Partial<Record<JobStatus, string>> = { with_karigar: "sent_at", ready: "ready_at", delivered: "delivered_at", cancelled: "cancelled_at" }

/**
 * Job cards of the workshop. Writes are raw SQL, one transaction each; a step locks the job's row, so two steps at
 * once take turns and each is checked against the step before it (src/lib/workshop.ts).
 */
class WorkshopModuleService extends MedusaService({ JobCard, JobCardCounter }) {
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
        estimate === null ? null : JSON.stringify({ value: String(estimate), precision: 20 }),
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
      sets.push("karigar_name = ?")
      params.push(input.karigar_name ?? before.karigar_name)
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
      `update job_card set status = ?, karigar_name = ?, gross_weight_out_mg = ?, net_weight_out_mg = ?, sent_at = ?, ready_at = ?, delivered_at = ?, delivered_by = ?,
                           cancelled_at = ?, note = ?, updated_at = now() where id = ?`,
      [before.status, before.karigar_name, before.gross_weight_out_mg, before.net_weight_out_mg, before.sent_at, before.ready_at, before.delivered_at, before.delivered_by, before.cancelled_at, before.note, before.id]
    )
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

  /** Job cards, those due first among the open ones: of some branches (null for all), a customer, some statuses, only overdue (not delivered past due). */
  @InjectManager()
  async listJobs(
    filter: { branch_ids: string[] | null; customer_id: string | null; statuses: JobStatus[] | null; overdue: boolean; limit: number; offset: number },
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
  }
}

export default WorkshopModuleService
