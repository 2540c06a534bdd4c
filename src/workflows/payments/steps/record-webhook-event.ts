import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POS_MODULE } from "../../../modules/pos"
import type PosModuleService from "../../../modules/pos/service"
import type { WebhookEventInput } from "../../../modules/pos/service"

/** Keeps a webhook delivery once per event id; a repeat is reported, not kept. Undone by removing what this run kept. */
export const recordWebhookEventStep = createStep(
  "record-webhook-event",
  async (input: WebhookEventInput, { container }) => {
    const recorded = await container.resolve<PosModuleService>(POS_MODULE).recordWebhookEvent(input)
    return new StepResponse(recorded, recorded.duplicate ? null : recorded.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<PosModuleService>(POS_MODULE).deletePaymentWebhookEvents(id)
    }
  }
)
