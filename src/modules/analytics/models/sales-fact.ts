import { model } from "@medusajs/framework/utils"

/**
 * One order line sold, or one return of it (negative), as the sales reports
 * add them up (src/lib/sales-facts.ts, docs/reports.md). Rewritten for an
 * order whenever it changes, from the order as it then is, so a replayed or
 * late event writes the same rows. Money paise, weights milligrams.
 */
export const SalesFact = model
  .define("sales_fact", {
    id: model.id({ prefix: "sfact" }).primaryKey(),
    order_id: model.text(),
    item_id: model.text(),
    /** The line for a sale, the return for a return. */
    source_id: model.text(),
    kind: model.enum(["sale", "return"]),
    occurred_at: model.dateTime(),
    customer_id: model.text().nullable(),
    branch_id: model.text().nullable(),
    channel: model.enum(["counter", "online", "payment_link"]),
    staff_user_id: model.text().nullable(),
    variant_id: model.text().nullable(),
    metal: model.text().nullable(),
    purity: model.number().nullable(),
    category: model.text().nullable(),
    pieces: model.number(),
    gross_weight_mg: model.bigNumber(),
    net_weight_mg: model.bigNumber(),
    revenue_paise: model.bigNumber(),
    gst_paise: model.bigNumber(),
    discount_paise: model.bigNumber(),
    making_paise: model.bigNumber().nullable(),
    /** 1 on the first line sold of each order, 0 elsewhere: bills add up without counting distinct orders. */
    bill: model.number().default(0),
  })
  .indexes([
    { on: ["order_id"] },
    { on: ["occurred_at"] },
    { on: ["branch_id", "occurred_at"] },
    { on: ["source_id", "item_id"], unique: true, where: "deleted_at IS NULL" },
  ])
