import { model } from "@medusajs/framework/utils"

/**
 * A saved audience: a rule tree (src/lib/segments) evaluated in SQL over the
 * customer facts, so staff can preview it and campaigns can reuse it.
 */
export const Segment = model
  .define("offer_segment", {
    id: model.id({ prefix: "oseg" }).primaryKey(),
    name: model.text(),
    description: model.text().nullable(),
    /** The validated rule tree: a condition { field, op, value } or a group { all | any: [...] }. */
    rules: model.json(),
    created_by: model.text().nullable(),
  })
  .indexes([{ on: ["name"], unique: true, where: "deleted_at IS NULL" }])
