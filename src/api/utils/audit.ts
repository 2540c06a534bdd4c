import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
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
