import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { mergeCustomersWorkflow } from "../../../../../workflows/merge-customers"
import type { MergeCustomersBodyType } from "../../../../utils/crm"

/** POST /admin/crm/customers/merge — fold duplicates into the customer kept, with an audit record. */
export async function POST(req: AuthenticatedMedusaRequest<MergeCustomersBodyType>, res: MedusaResponse) {
  const { result } = await mergeCustomersWorkflow(req.scope).run({
    input: { ...req.validatedBody, merged_by: req.auth_context.actor_id },
  })
  res.json({ survivor_id: result.survivor_id, merged_ids: result.merged_ids, moved: result.moved, merges: result.audit })
}
