import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { DEFAULT_TEMPLATES, renderTemplate, templateProblems } from "../../../../../lib/messaging"
import { MESSAGING_MODULE } from "../../../../../modules/messaging"
import type MessagingModuleService from "../../../../../modules/messaging/service"
import { SAMPLE_VARIABLES } from "../../helpers"
import type { PreviewTemplateBodyType } from "../../validators"

/** POST /admin/messages/templates/preview — a template filled with sample values (or the ones given). */
export async function POST(req: AuthenticatedMedusaRequest<PreviewTemplateBodyType>, res: MedusaResponse) {
  const { event, language, channel, variables } = req.validatedBody
  const [saved] = await req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE).listMessageTemplates({ event, channel, language })
  const body = req.validatedBody.body ?? saved?.body ?? DEFAULT_TEMPLATES[event][language]
  const problems = templateProblems(event, body)
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `The template cannot be used: ${problems.join("; ")}`)
  }
  const text = renderTemplate(body, { ...SAMPLE_VARIABLES, ...variables })
  res.json({ preview: { event, channel, language, text, length: text.length, segments: Math.ceil(text.length / ([...text].every((c) => c.charCodeAt(0) < 128) ? 160 : 70)) } })
}
