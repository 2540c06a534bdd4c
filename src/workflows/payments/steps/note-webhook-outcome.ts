import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POS_MODULE } from "../../../modules/pos"
import type PosModuleService from "../../../modules/pos/service"

export type WebhookOutcome = {
  provider: string
  event_id: string
  result: string
  payment_session_id?: string | null
}

/** Notes what came of a webhook delivery on its record (and the payment session it was about). */
export const noteWebhookOutcomeStep = createStep(
  "note-webhook-outcome",
  async (input: WebhookOutcome, { container }) => {
    const pos = container.resolve<PosModuleService>(POS_MODULE)
    const [event] = await pos.listPaymentWebhookEvents({ provider: input.provider, event_id: input.event_id }, { take: 1 })
    if (!event) {
      return new StepResponse(null, null)
    }
    await pos.updatePaymentWebhookEvents({
      id: event.id,
      result: input.result,
      processed_at: new Date(),
      ...(input.payment_session_id ? { payment_session_id: input.payment_session_id } : {}),
    })
    return new StepResponse(event.id, { id: event.id, result: event.result, processed_at: event.processed_at, payment_session_id: event.payment_session_id })
  },
  async (undo, { container }) => {
    if (undo) {
      await container.resolve<PosModuleService>(POS_MODULE).updatePaymentWebhookEvents(undo)
    }
  }
)
