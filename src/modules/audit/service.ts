import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { entityIds } from "../../lib/ids"
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

/** An entry as stored. */
export type AuditEntryRow = Required<Omit<AuditEntryInput, "actor_type">> & { id: string; actor_type: string; created_at: Date; updated_at: Date; deleted_at: Date | null }

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
  /**
   * Appends entries in one INSERT statement: every audited request writes
   * here, so it skips the ORM's unit of work (there is nothing to track in
   * an append-only row).
   */
  @InjectManager()
  async record(entries: AuditEntryInput[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<AuditEntryRow[]> {
    if (!entries.length) {
      return []
    }
    const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value))
    // Stamped here to the millisecond, as the ORM stamps rows: a time read back from an entry filters exactly.
    const now = new Date()
    // Ids drawn in one go: Medusa's generateEntityId reads the CSPRNG a byte at a time (src/lib/ids.ts).
    const ids = entityIds("aud", entries.length, now.getTime())
    const values = entries.flatMap((e, i) => [
      ids[i],
      e.actor_type,
      e.actor_id ?? null,
      e.ip ?? null,
      e.user_agent ?? null,
      e.action,
      e.entity,
      e.entity_id,
      e.branch_id ?? null,
      json(e.changes),
      json(e.metadata),
      now,
      now,
    ])
    return (await sharedContext.manager!.execute(
      `insert into audit_entry (id, actor_type, actor_id, ip, user_agent, action, entity, entity_id, branch_id, changes, metadata, created_at, updated_at)
       values ${entries.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)").join(", ")}
       returning id, actor_type, actor_id, ip, user_agent, action, entity, entity_id, branch_id, changes, metadata, created_at, updated_at, deleted_at`,
      values
    )) as AuditEntryRow[]
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
