import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AUDIT_MODULE } from "../../../modules/audit"
import type AuditModuleService from "../../../modules/audit/service"
import type { AuditQueryType } from "./validators"

/**
 * GET /admin/audit?entity=&entity_id=&actor_id=&action=&from=&to=&q=&limit=&offset=
 * — the audit trail, newest first.
 */
export async function GET(req: MedusaRequest<unknown, AuditQueryType>, res: MedusaResponse) {
  const { limit, offset, ...filters } = req.validatedQuery as AuditQueryType
  const [audit_entries, count] = await req.scope.resolve<AuditModuleService>(AUDIT_MODULE).listEntries(filters, { limit, offset })
  res.json({ audit_entries, count, limit, offset })
}
