import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { mergeCustomersWorkflow } from "../../../../../workflows/crm"
import { recordAudit } from "../../../../utils/audit"
import type { MergeCustomersBodyType } from "../../validators"

/** POST /admin/crm/customers/merge — fold duplicates into the customer kept, with an audit record. */
export async function POST(req: AuthenticatedMedusaRequest<MergeCustomersBodyType>, res: MedusaResponse) {
  const { result } = await mergeCustomersWorkflow(req.scope).run({
    input: { ...req.validatedBody, merged_by: req.auth_context.actor_id },
  })
  const reason = req.validatedBody.reason ?? null
  const mergeIds = Object.fromEntries(result.audit.map((m) => [m.merged_customer_id, m.id]))
  await recordAudit(req.scope, req, [
    {
      action: "customer.merged",
      entity: "customer",
      entity_id: result.survivor_id,
      changes: {
        merged_customer_ids: { before: null, after: result.merged_ids },
        ...(result.moved.profile_fields_filled.length ? { profile_fields_filled: { before: null, after: result.moved.profile_fields_filled } } : {}),
      },
      metadata: { role: "survivor", moved: result.moved, reason },
    },
    ...result.merged_ids.map((id) => ({
      action: "customer.merged",
      entity: "customer",
      entity_id: id,
      changes: { merged_into: { before: null, after: result.survivor_id } },
      metadata: { role: "merged", customer_merge_id: mergeIds[id] ?? null, reason },
    })),
  ])
  res.json({ survivor_id: result.survivor_id, merged_ids: result.merged_ids, moved: result.moved, merges: result.audit })
}
