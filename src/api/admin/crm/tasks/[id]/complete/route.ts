import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CompleteTaskBodyType } from "../../../validators"
import { completeFollowUpTaskWorkflow } from "../../../../../../workflows/crm"

/** POST /admin/crm/tasks/:id/complete — done (default) or cancelled, with a note. */
export async function POST(req: MedusaRequest<CompleteTaskBodyType>, res: MedusaResponse) {
  const { result } = await completeFollowUpTaskWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  res.json({ task: result })
}
