import { model } from "@medusajs/framework/utils"
import { KARIGAR_RECEIPT_FORMS } from "../../../lib/karigar"

/** Pieces or metal received back from a karigar against an issue, with the wastage claimed on it (src/lib/karigar.ts). */
export const KarigarReceipt = model
  .define("karigar_receipt", {
    id: model.id({ prefix: "krc" }).primaryKey(),
    issue_id: model.text(),
    karigar_id: model.text(),
    branch_id: model.text(),
    form: model.enum([...KARIGAR_RECEIPT_FORMS]),
    description: model.text(),
    purity: model.number(),
    gross_weight_mg: model.number(),
    /** The metal in it (gross less stones); the same as gross for metal. */
    net_weight_mg: model.number(),
    fine_weight_mg: model.number(),
    wastage_fine_mg: model.number().default(0),
    /** Metal that went back into the branch's old-metal stock (an old-gold movement `from_karigar`) rather than to the counter. */
    to_old_gold_stock: model.boolean().default(false),
    received_by: model.text().nullable(),
    received_at: model.dateTime(),
    idempotency_key: model.text().nullable(),
  })
  .indexes([
    { on: ["issue_id"] },
    { on: ["karigar_id"] },
    { on: ["idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL AND deleted_at IS NULL" },
  ])
