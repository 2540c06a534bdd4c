import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { clientAddress } from "../../lib/client-address"
import { AUDIT_MODULE } from "../../modules/audit"
import type AuditModuleService from "../../modules/audit/service"
import type { AuditEntryInput } from "../../modules/audit/service"

/** What a route says about a change; who, and from where, comes from the request. */
export type AuditRecord = Omit<AuditEntryInput, "actor_type" | "actor_id" | "ip" | "user_agent"> & {
  actor_type?: string
  actor_id?: string | null
}

type RequestWithAuth = MedusaRequest & { auth_context?: { actor_id?: string; actor_type?: string } }

/**
 * The actor and origin of a request: the signed-in user or customer
 * (auth_context), the client address (X-Forwarded-For believed only from
 * TRUSTED_PROXIES) and its user agent.
 */
export function auditActor(req: MedusaRequest) {
  const auth = (req as RequestWithAuth).auth_context
  const agent = req.get?.("user-agent") ?? (req.headers?.["user-agent"] as string | undefined)
  return {
    actor_type: auth?.actor_type || "system",
    actor_id: auth?.actor_id || null,
    ip: req.socket ? clientAddress(req) : null,
    user_agent: agent ? agent.slice(0, 500) : null,
  }
}

/**
 * Records what a route changed, after its workflow succeeded (a route leaves
 * out an entry whose diff is empty when nothing changed is not news). The
 * change itself is already committed, so a failure to write the entry is
 * logged loudly rather than turned into an error for a change that happened.
 */
export async function recordAudit(scope: MedusaContainer, req: MedusaRequest, entries: AuditRecord | AuditRecord[]) {
  const actor = auditActor(req)
  const rows = (Array.isArray(entries) ? entries : [entries]).map((e) => ({ ...actor, ...e, actor_type: e.actor_type ?? actor.actor_type, actor_id: e.actor_id ?? actor.actor_id }))
  if (!rows.length) {
    return []
  }
  try {
    return await scope.resolve<AuditModuleService>(AUDIT_MODULE).record(rows)
  } catch (e) {
    scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Audit entries not recorded (${rows.map((r) => `${r.action} ${r.entity_id}`).join(", ")}): ${(e as Error).message}`)
    return []
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/

/** An ISO date (2026-12-01, the whole UTC day) or date-time with its zone; `end` makes a bare date its last millisecond. */
const IsoDate = (end: boolean) =>
  z.string().transform((text, ctx) => {
    const value = text.trim()
    const date = ISO_DATE.test(value) ? new Date(`${value}T${end ? "23:59:59.999" : "00:00:00.000"}Z`) : ISO_DATE_TIME.test(value) ? new Date(value) : null
    // A calendar day that does not exist (2026-02-30) is refused, not rolled over into March.
    const inUtc = !/[+-]\d{2}:?\d{2}$/.test(value)
    const rolledOver = !!date && !Number.isNaN(date.getTime()) && inUtc && date.toISOString().slice(0, 10) !== value.slice(0, 10)
    if (!date || Number.isNaN(date.getTime()) || rolledOver) {
      ctx.addIssue({ code: "custom", message: `"${text}" is not an ISO date (2026-12-01) or date-time (2026-12-01T10:30:00Z)` })
      return z.NEVER
    }
    return date
  })

const Name = z.string().trim().min(1).max(200)

export const AuditQuery = z
  .object({
    entity: Name.regex(/^[a-z0-9_]+$/, "entity is lower-case letters, digits and _ (e.g. metal_rate)").optional(),
    entity_id: Name.optional(),
    actor_id: Name.optional(),
    action: Name.regex(/^[a-z0-9_.]+\*?$/, "action is like metal_rate.published, a prefix such as metal_rate, or metal_rate*").optional(),
    from: IsoDate(false).optional(),
    to: IsoDate(true).optional(),
    q: Name.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] })

export type AuditQueryType = z.infer<typeof AuditQuery>
