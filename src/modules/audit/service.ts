import { MedusaService } from "@medusajs/framework/utils"
import { AuditEntry } from "./models/audit-entry"

export type AuditActorType = "user" | "customer" | "system"

export type AuditEntryInput = {
  actor_type: AuditActorType | string
  actor_id?: string | null
  ip?: string | null
  user_agent?: string | null
  action: string
  entity: string
  entity_id: string
  branch_id?: string | null
  changes?: Record<string, { before: unknown; after: unknown }> | null
  metadata?: Record<string, unknown> | null
}

export type AuditFilters = {
  entity?: string
  entity_id?: string
  actor_id?: string
  /** "metal_rate.published" exactly; "metal_rate" also matches "metal_rate.*"; a trailing * is a plain prefix. */
  action?: string
  from?: Date
  to?: Date
  /** Part of the entity id, actor id or action. */
  q?: string
}

const likeText = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * The audit trail. Only two operations belong to it: `record` and
 * `listEntries` (newest first). The table itself refuses UPDATE and DELETE,
 * so the update/delete methods MedusaService generates fail by design.
 */
class AuditModuleService extends MedusaService({ AuditEntry }) {
  async record(entries: AuditEntryInput[]) {
    if (!entries.length) {
      return []
    }
    return this.createAuditEntries(
      entries.map((e) => ({
        ...e,
        actor_id: e.actor_id ?? null,
        ip: e.ip ?? null,
        user_agent: e.user_agent ?? null,
        branch_id: e.branch_id ?? null,
        changes: e.changes ?? null,
        metadata: e.metadata ?? null,
      }))
    )
  }

  async listEntries(filters: AuditFilters, page: { limit: number; offset: number }) {
    const and: Record<string, unknown>[] = []
    for (const key of ["entity", "entity_id", "actor_id"] as const) {
      if (filters[key]) {
        and.push({ [key]: filters[key] })
      }
    }
    if (filters.action) {
      const action = filters.action
      and.push(
        action.endsWith("*")
          ? { action: { $like: `${likeText(action.slice(0, -1))}%` } }
          : { $or: [{ action }, { action: { $like: `${likeText(action)}.%` } }] }
      )
    }
    if (filters.from) {
      and.push({ created_at: { $gte: filters.from } })
    }
    if (filters.to) {
      and.push({ created_at: { $lte: filters.to } })
    }
    if (filters.q) {
      const like = `%${likeText(filters.q)}%`
      and.push({ $or: [{ entity_id: { $ilike: like } }, { actor_id: { $ilike: like } }, { action: { $ilike: like } }] })
    }
    return this.listAndCountAuditEntries(and.length ? { $and: and } : {}, {
      take: page.limit,
      skip: page.offset,
      order: { created_at: "DESC", id: "DESC" },
    })
  }
}

export default AuditModuleService
