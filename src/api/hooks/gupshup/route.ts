import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { GupshupCallbackBodyType } from "../../../modules/notification-gupshup/webhook"
import { handleInboundMessageWorkflow, recordDeliveryStatusWorkflow } from "../../../workflows/messaging"

const STATUS: Record<string, string> = { enqueued: "sent", sent: "sent", delivered: "delivered", read: "read", failed: "failed" }

/**
 * POST /hooks/gupshup?token=… — Gupshup's WhatsApp callbacks: a message event
 * moves our message's status along; an inbound message is a customer's reply
 * (STOP/START and the interaction log).
 */
export async function POST(req: MedusaRequest<GupshupCallbackBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  if (body.type === "message-event") {
    const { result } = await recordDeliveryStatusWorkflow(req.scope).run({
      input: {
        provider_message_id: body.payload.gsId ?? body.payload.id,
        status: STATUS[body.payload.type] ?? body.payload.type,
        error_code: body.payload.payload?.code === undefined ? null : String(body.payload.payload.code),
        error_message: body.payload.payload?.reason ?? null,
      },
    })
    res.json({ ok: true, known: result.known, status: result.status })
    return
  }
  await handleInboundMessageWorkflow(req.scope).run({
    input: { from: `+${body.payload.source.replace(/^\+/, "")}`, channel: "whatsapp", body: body.payload.payload?.text ?? "" },
  })
  res.json({ ok: true })
}
