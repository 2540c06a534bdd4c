import { model } from "@medusajs/framework/utils"
import { STAFF_ROLES } from "../../../lib/access-matrix"

/**
 * A staff user's role and the branches they work in. A user without a record
 * has the default role (the owner while the shop has no owner yet).
 */
export const StaffAccess = model
  .define("staff_access", {
    id: model.id({ prefix: "sacc" }).primaryKey(),
    user_id: model.text(),
    role: model.enum([...STAFF_ROLES]),
    /** Branch ids; for branch managers and sales staff the lists they see are limited to these. */
    branch_ids: model.array().default([]),
  })
  .indexes([{ on: ["user_id"], unique: true, where: "deleted_at IS NULL" }, { on: ["role"] }])
