import { model } from "@medusajs/framework/utils"

/**
 * A published rate per gram. Rows are only ever added: the current rate of a
 * metal and purity (at a branch, or shop-wide when branch_id is null) is the
 * row with the latest effective_from that is not in the future.
 */
export const MetalRate = model
  .define("metal_rate", {
    id: model.id({ prefix: "mrate" }).primaryKey(),
    metal: model.enum(["gold", "silver", "platinum"]),
    /** Fineness in parts per thousand: 999, 916, 750, 925, 950… */
    purity: model.number(),
    rate_per_g_paise: model.number(),
    effective_from: model.dateTime(),
    branch_id: model.text().nullable(),
    /** Where the rate came from, e.g. "manual", "IBJA", "association". */
    source: model.text().default("manual"),
    set_by: model.text().nullable(),
    note: model.text().nullable(),
    /**
     * Of a publish sent with a key: every row it created carries it, so a retry with the key answers
     * those rows and publishes nothing (no second reprice). One row per metal, purity and branch per
     * key: two concurrent publishes with one key cannot both insert. Branch rows and shop-wide rows
     * have an index each, since NULL branch_ids would never clash in one.
     */
    idempotency_key: model.text().nullable(),
  })
  .indexes([
    { on: ["metal", "purity", "branch_id", "effective_from"] },
    { on: ["effective_from"] },
    { on: ["idempotency_key", "metal", "purity", "branch_id"], unique: true, where: "idempotency_key IS NOT NULL AND branch_id IS NOT NULL" },
    { on: ["idempotency_key", "metal", "purity"], unique: true, where: "idempotency_key IS NOT NULL AND branch_id IS NULL" },
  ])
