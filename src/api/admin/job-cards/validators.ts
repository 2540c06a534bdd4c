import { z } from "@medusajs/framework/zod"
import { JOB_KINDS, JOB_PHOTO_STAGES, JOB_STATUSES, JOB_TENDERS, MAX_ALLOWED_LOSS_BPS } from "../../../lib/workshop"
import { findParams, Gstin, Rupees, WeightGrams as Grams } from "../../utils/validators"

const Estimate = Rupees.pipe(z.number().int().min(0).max(1_000_000_000, "estimate is at most ₹1,00,00,000"))
const Charges = Rupees.pipe(z.number().int().min(0, "charges cannot be negative").max(1_000_000_000, "charges are at most ₹1,00,00,000"))
const Amount = Rupees.pipe(z.number().int().min(1, "amount must be above ₹0").max(1_000_000_000, "amount is at most ₹1,00,00,000"))
const IdempotencyKey = z.string().trim().min(8, "idempotency_key is 8 to 100 characters").max(100, "idempotency_key is 8 to 100 characters")
const Reference = z.string().trim().min(1).max(100)

/** Money taken for a job: cash, card or UPI, with the slip's or transaction's reference. */
const JobTenderBody = z.object({ tender: z.enum(JOB_TENDERS), amount: Amount, reference: Reference.optional() }).strict()

export const ReceiveJobBody = z
  .object({
    branch_id: z.string().min(1),
    customer_id: z.string().min(1),
    kind: z.enum(JOB_KINDS),
    article: z.string().trim().min(1, "article: what was taken in, or the piece to make").max(200),
    work: z.string().trim().min(1, "work: what is to be done").max(1000),
    gross_weight_in: Grams("gross_weight_in").default(0),
    net_weight_in: Grams("net_weight_in").default(0),
    customer_material: z.string().trim().max(500).optional(),
    adds_material: z.boolean().default(false),
    /** Basis points of the net weight the job may lose (50 = 0.5 %). */
    allowed_loss_bps: z.number().int().min(0).max(MAX_ALLOWED_LOSS_BPS, `allowed_loss_bps is at most ${MAX_ALLOWED_LOSS_BPS} (5 %)`).optional(),
    estimate: Estimate.optional(),
    due_at: z.coerce.date({ error: "due_at is a date, e.g. 2026-12-12T18:00:00+05:30" }),
    karigar_name: z.string().trim().min(1).max(120).optional(),
    note: z.string().trim().max(500).optional(),
    idempotency_key: IdempotencyKey.optional(),
  })
  .strict()
export type ReceiveJobBodyType = z.infer<typeof ReceiveJobBody>

export const MoveJobBody = z
  .object({
    status: z.enum(JOB_STATUSES),
    karigar_name: z.string().trim().min(1).max(120).optional(),
    /** One of the shop's karigars (GET /admin/karigars); his name goes on the job. */
    karigar_id: z.string().min(1).optional(),
    gross_weight_out: Grams("gross_weight_out").optional(),
    net_weight_out: Grams("net_weight_out").optional(),
    note: z.string().trim().max(500).optional(),
    /** At delivery: what the work costs before GST (the estimate unless given), the customer's GSTIN, and the balance. */
    charges: Charges.optional(),
    gstin: Gstin.optional(),
    tenders: z.array(JobTenderBody).max(4, "at most 4 tenders").optional(),
  })
  .strict()
export type MoveJobBodyType = z.infer<typeof MoveJobBody>

export const TakeAdvanceBody = JobTenderBody.extend({ idempotency_key: IdempotencyKey.optional() }).strict()
export type TakeAdvanceBodyType = z.infer<typeof TakeAdvanceBody>

const statuses = z.union([z.enum(JOB_STATUSES), z.array(z.enum(JOB_STATUSES)).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]))

export const ListJobsQuery = findParams({ limit: 20, maxLimit: 100 })
  .extend({
    branch_id: z.string().min(1).optional(),
    customer_id: z.string().min(1).optional(),
    status: statuses.optional(),
    overdue: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  })
  .strict()
export type ListJobsQueryType = z.infer<typeof ListJobsQuery>

/** The form fields beside the photos: when they were taken (as it came in, by default). */
export const JobPhotoFields = z.object({ stage: z.enum(JOB_PHOTO_STAGES).default("in") }).strict()
export type JobPhotoFieldsType = z.infer<typeof JobPhotoFields>

export const JobBillQuery = z.object({ charges: Charges.optional(), gstin: Gstin.optional() }).strict()
export type JobBillQueryType = z.infer<typeof JobBillQuery>
