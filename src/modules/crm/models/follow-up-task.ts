import { model } from "@medusajs/framework/utils"

/** A promise to a customer: call back, show new designs, deliver a repair. */
export const FollowUpTask = model
  .define("follow_up_task", {
    id: model.id({ prefix: "task" }).primaryKey(),
    customer_id: model.text(),
    interaction_id: model.text().nullable(),
    title: model.text(),
    due_at: model.dateTime(),
    assignee_user_id: model.text().nullable(),
    branch_id: model.text().nullable(),
    status: model.enum(["open", "done", "cancelled"]).default("open"),
    completion_note: model.text().nullable(),
    completed_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["status", "due_at"] }, { on: ["assignee_user_id", "status"] }, { on: ["customer_id"] }])
