import type { MedusaContainer } from "@medusajs/framework/types"
import { POS_MODULE } from "../../src/modules/pos"
import type PosModuleService from "../../src/modules/pos/service"
import { eventsSettled, waitFor } from "./wait"

/**
 * Medusa processes a payment webhook about five seconds after answering it:
 * waits until the app has been through every delivered event (each record
 * notes its outcome), then until Medusa's own workflows and the subscribers
 * they set off have ended.
 * Up to two minutes: on a busy two-core machine Medusa's delayed processing runs
 * late, and a refund's session look-up at Razorpay is tried again after 1, 3 and
 * 10 s when the loopback answers late (src/subscribers/payment-webhooks.ts).
 */
export async function webhooksProcessed(container: MedusaContainer, eventIds: string[]) {
  const pos = container.resolve<PosModuleService>(POS_MODULE)
  const rows = await waitFor(
    `webhooks processed: ${eventIds.join(", ")}`,
    async () => {
      const found = await pos.listPaymentWebhookEvents({ event_id: eventIds })
      const missing = [...new Set(eventIds)].filter((id) => !found.some((r) => r.event_id === id))
      const waiting = found.filter((r) => !r.processed_at).map((r) => r.event_id)
      if (missing.length || waiting.length) {
        // What a timeout reports: the deliveries never recorded, and those recorded but not yet handled.
        throw new Error(`not recorded: ${missing.join(", ") || "none"}; not processed: ${waiting.join(", ") || "none"}`)
      }
      return found
    },
    { timeout: 120_000, interval: 250 }
  )
  await eventsSettled(container)
  return rows
}
