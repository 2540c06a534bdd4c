import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { templateProblems, type Channel, type Language } from "../../../lib/messaging"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"

export type SaveTemplateInput = { event: string; channel: Channel; language: Language; body: string; content_sid?: string | null }

/** Saves the shop's wording for an event, channel and language after checking its variables; compensation restores the previous one. */
export const saveMessageTemplateStep = createStep(
  "save-message-template",
  async (input: SaveTemplateInput, { container }) => {
    const problems = templateProblems(input.event, input.body)
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The template cannot be saved: ${problems.join("; ")}`)
    }
    const messaging: MessagingModuleService = container.resolve(MESSAGING_MODULE)
    const [current] = await messaging.listMessageTemplates({ event: input.event, channel: input.channel, language: input.language })
    if (current) {
      const saved = await messaging.updateMessageTemplates({ id: current.id, body: input.body, content_sid: input.content_sid ?? null })
      return new StepResponse(saved, { id: current.id, body: current.body, content_sid: current.content_sid, created: false })
    }
    const saved = await messaging.createMessageTemplates({ ...input, content_sid: input.content_sid ?? null })
    return new StepResponse(saved, { id: saved.id, body: saved.body, content_sid: saved.content_sid, created: true })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const messaging: MessagingModuleService = container.resolve(MESSAGING_MODULE)
    if (undo.created) {
      await messaging.deleteMessageTemplates(undo.id)
    } else {
      await messaging.updateMessageTemplates({ id: undo.id, body: undo.body, content_sid: undo.content_sid })
    }
  }
)
