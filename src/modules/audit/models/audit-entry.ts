import { model } from "@medusajs/framework/utils"

/**
 * One recorded change: who (actor_type + actor_id, from which ip and user
 * agent) did what (action, e.g. "metal_rate.published") to which record
 * (entity + entity_id, in which branch), with the changed fields as
 * { field: { before, after } } and personal data already masked.
 * Append-only: the table refuses UPDATE and DELETE (see the migration).
 */
export const AuditEntry = model
  .define("audit_entry", {
    id: model.id({ prefix: "aud" }).primaryKey(),
    /** "user" (staff), "customer", or "system" (jobs, webhooks). */
    actor_type: model.text(),
    actor_id: model.text().nullable(),
    ip: model.text().nullable(),
    user_agent: model.text().nullable(),
    action: model.text(),
    entity: model.text(),
    entity_id: model.text(),
    branch_id: model.text().nullable(),
    /** { field: { before, after } }, personal data masked. */
    changes: model.json().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([{ on: ["entity", "entity_id"] }, { on: ["actor_id"] }, { on: ["created_at"] }, { on: ["action"] }])
