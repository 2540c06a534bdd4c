import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatShopDate } from "../../../lib/occasions"
import { describeOffer } from "../../../lib/offers"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"
import { prepareMessages } from "../../messaging/utils/prepare-messages"
import type { OfferBatch } from "./load-offer-batch"

/** The idempotency key of an offer's message: one message per offer, however often its batch runs. */
export const offerMessageKey = (offerId: string) => `offer:${offerId}`

/**
 * Tells each customer of a batch about their offer through the messaging
 * outbox (consent, quiet hours and the daily cap as for every promotional
 * message), in one read and one write for the batch; returns offer id →
 * message id and how many will go out. Compensation removes the messages
 * this call stored.
 */
export const queueOfferMessagesStep = createStep(
  "queue-offer-messages",
  async ({ campaign, terms, offers }: Pick<OfferBatch, "campaign" | "terms" | "offers">, { container }) => {
    const channel = campaign.channel
    if (channel === "none" || !offers.length) {
      return new StepResponse({ by_offer: {} as Record<string, string | null>, queued: 0 }, [] as string[])
    }
    const offer = describeOffer(terms)
    const prepared = await prepareMessages(
      container,
      offers.map((o) => ({
        event: "offer_issued",
        customer_id: o.customer_id,
        channel: channel === "auto" ? undefined : channel,
        template: campaign.message,
        variables: { offer, code: o.code, valid_until: o.expires_at ? formatShopDate(new Date(o.expires_at)) : "further notice" },
        idempotency_key: offerMessageKey(o.id),
      }))
    )
    const stored = await container.resolve<MessagingModuleService>(MESSAGING_MODULE).storeMessagesOnce(prepared)
    const byKey = new Map(stored.map((m) => [m.idempotency_key, m.id]))
    return new StepResponse(
      {
        by_offer: Object.fromEntries(offers.map((o) => [o.id, byKey.get(offerMessageKey(o.id)) ?? null])),
        // Messages that will go out; the others are kept as not sent, with the reason (no consent, no phone, daily cap).
        queued: prepared.filter((m) => m.status === "queued").length,
      },
      stored.filter((m) => m.created).map((m) => m.id)
    )
  },
  async (created, { container }) => {
    if (created?.length) {
      await container.resolve<MessagingModuleService>(MESSAGING_MODULE).deleteMessages(created)
    }
  }
)
