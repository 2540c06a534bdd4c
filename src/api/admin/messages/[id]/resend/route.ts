import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resendMessageWorkflow } from "../../../../../workflows/messaging"

/** POST /admin/messages/:id/resend — queues a failed, undelivered or unsent message again. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await resendMessageWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.status(201).json({ message: result })
}
