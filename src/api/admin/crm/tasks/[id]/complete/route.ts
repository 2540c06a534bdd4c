import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { completeFollowUpTaskWorkflow } from "../../../../../../workflows/complete-follow-up-task"
import type { CompleteTaskBodyType } from "../../../validators"

/** POST /admin/crm/tasks/:id/complete — done (default) or cancelled, with a note. */
export async function POST(req: MedusaRequest<CompleteTaskBodyType>, res: MedusaResponse) {
  const { result } = await completeFollowUpTaskWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  res.json({ task: result })
}
