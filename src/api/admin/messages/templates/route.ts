import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CHANNELS, DEFAULT_TEMPLATES, LANGUAGES, MESSAGE_EVENTS, type MessageEvent } from "../../../../lib/messaging"
import { MESSAGING_MODULE } from "../../../../modules/messaging"
import type MessagingModuleService from "../../../../modules/messaging/service"
import { saveMessageTemplateWorkflow } from "../../../../workflows/messaging"
import type { SaveTemplateBodyType } from "../validators"

/** GET /admin/messages/templates — every event × channel × language: the shop's wording or the built-in one, and the variables it may use. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const saved = await req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE).listMessageTemplates({})
  const templates = (Object.keys(MESSAGE_EVENTS) as MessageEvent[]).flatMap((event) =>
    CHANNELS.flatMap((channel) =>
      LANGUAGES.map((language) => {
        const own = saved.find((t) => t.event === event && t.channel === channel && t.language === language)
        return {
          event,
          channel,
          language,
          kind: MESSAGE_EVENTS[event].kind,
          variables: MESSAGE_EVENTS[event].variables,
          body: own?.body ?? DEFAULT_TEMPLATES[event][language],
          content_sid: own?.content_sid ?? null,
          is_default: !own,
        }
      })
    )
  )
  res.json({ templates })
}

/** POST /admin/messages/templates — saves the shop's wording (an unknown variable is refused with a 400). */
export async function POST(req: AuthenticatedMedusaRequest<SaveTemplateBodyType>, res: MedusaResponse) {
  const { result } = await saveMessageTemplateWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ template: result })
}
