import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { TwilioInboundBodyType } from "../../../../modules/notification-twilio/webhook"
import { handleInboundMessageWorkflow } from "../../../../workflows/messaging"

/** POST /hooks/twilio/inbound — a customer's SMS or WhatsApp reply (signed): STOP/START and the interaction log. */
export async function POST(req: MedusaRequest<TwilioInboundBodyType>, res: MedusaResponse) {
  const { From, Body } = req.validatedBody
  const whatsapp = From.startsWith("whatsapp:")
  await handleInboundMessageWorkflow(req.scope).run({
    input: { from: whatsapp ? From.slice("whatsapp:".length) : From, channel: whatsapp ? "whatsapp" : "sms", body: Body },
  })
  // An empty TwiML answer: no automatic reply.
  res.set("content-type", "text/xml").send("<Response></Response>")
}
