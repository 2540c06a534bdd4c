import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { maskSecrets } from "../../../lib/messaging"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"
import type { ListMessagesQueryType } from "./validators"

/** GET /admin/messages — the message log, newest first, filtered by customer, status, channel or event. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListMessagesQueryType>, res: MedusaResponse) {
  const { limit, offset, ...filters } = req.validatedQuery
  const [messages, count] = await req.scope
    .resolve<MessagingModuleService>(MESSAGING_MODULE)
    .listAndCountMessages(filters, { order: { created_at: "DESC" }, take: limit, skip: offset })
  // A sign-in code waiting to go is not for staff to read.
  res.json({ messages: messages.map(maskSecrets), count, limit, offset })
}
