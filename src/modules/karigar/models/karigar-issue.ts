import { model } from "@medusajs/framework/utils"
import { KARIGAR_ISSUE_FORMS, KARIGAR_ISSUE_STATUSES } from "../../../lib/karigar"

/**
 * Metal or pieces issued to a karigar on a job-work challan (src/lib/karigar.ts), numbered per branch and
 * financial year (MUM/JW26-27/0001). Carries its account: fine metal issued, received back and allowed as
 * wastage; open until they balance. Weights in mg, purity in parts per thousand, the declared value in paise.
 */
export const KarigarIssue = model
  .define("karigar_issue", {
    id: model.id({ prefix: "kis" }).primaryKey(),
    number: model.text(),
    series: model.text(),
    sequence: model.number(),
    branch_id: model.text(),
    karigar_id: model.text(),
    /** The repair or custom order the metal is for, when there is one. */
    job_card_id: model.text().nullable(),
    metal: model.enum(["gold", "silver", "platinum"]),
    form: model.enum([...KARIGAR_ISSUE_FORMS]),
    description: model.text(),
    purity: model.number(),
    gross_weight_mg: model.number(),
    /** The metal in it (gross less stones); the same as gross for metal. */
    net_weight_mg: model.number(),
    fine_weight_mg: model.number(),
    allowed_wastage_bps: model.number(),
    /** The fine metal was taken out of the branch's old-metal stock (an old-gold movement "to karigar"). */
    from_old_gold_stock: model.boolean().default(false),
    value_paise: model.bigNumber().nullable(),
    due_at: model.dateTime().nullable(),
    status: model.enum([...KARIGAR_ISSUE_STATUSES]).default("open"),
    received_fine_mg: model.number().default(0),
    wastage_fine_mg: model.number().default(0),
    issued_by: model.text().nullable(),
    issued_at: model.dateTime(),
    settled_at: model.dateTime().nullable(),
    note: model.text().nullable(),
    /** The Idempotency-Key it was issued with: a retry answers this issue and issues nothing again. */
    idempotency_key: model.text().nullable(),
  })
  .indexes([
    { on: ["number"], unique: true, where: "deleted_at IS NULL" },
    { on: ["karigar_id", "status"] },
    { on: ["branch_id", "status"] },
    { on: ["job_card_id"] },
    { on: ["idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL AND deleted_at IS NULL" },
  ])
