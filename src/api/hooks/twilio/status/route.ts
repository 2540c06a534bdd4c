import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { TwilioStatusBodyType } from "../../../../modules/notification-twilio/webhook"
import { recordDeliveryStatusWorkflow } from "../../../../workflows/messaging"

/** POST /hooks/twilio/status — Twilio's delivery callback (signed); moves the message's status along. */
export async function POST(req: MedusaRequest<TwilioStatusBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const { result } = await recordDeliveryStatusWorkflow(req.scope).run({
    input: { provider_message_id: body.MessageSid, status: body.MessageStatus.toLowerCase(), error_code: body.ErrorCode ?? null, error_message: body.ErrorMessage ?? null },
  })
  res.json({ ok: true, known: result.known, status: result.status })
}
