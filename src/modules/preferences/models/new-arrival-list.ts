import { model } from "@medusajs/framework/utils"

/**
 * A new-arrivals call list (docs/preferences.md): the pieces that came in, and per branch the customers most likely
 * to want them, each call a CRM follow-up task. Made once per key (the day's list, or a key given by the caller),
 * so a retried run makes no second task.
 */
export const NewArrivalList = model
  .define("new_arrival_list", {
    id: model.id({ prefix: "narr" }).primaryKey(),
    key: model.text(),
    /** The pieces' intake window; null for a list of pieces named by hand. */
    since: model.dateTime().nullable(),
    until: model.dateTime().nullable(),
    model_id: model.text().nullable(),
    /** The pieces considered: variant id, title, tag and branch. */
    pieces: model.json(),
    /** The calls made: customer, branch, score, reason, pieces and the follow-up task's id. */
    calls: model.json(),
    created_by: model.text().nullable(),
  })
  .indexes([{ on: ["key"], unique: true, where: "deleted_at IS NULL" }, { on: ["created_at"] }])
