import type { MedusaContainer } from "@medusajs/framework/types"
import { POS_MODULE } from "../../src/modules/pos"
import type PosModuleService from "../../src/modules/pos/service"
import { eventsSettled, waitFor } from "./wait"

/**
 * Medusa processes a payment webhook about five seconds after answering it:
 * waits until the app has been through every delivered event (each record
 * notes its outcome), then until Medusa's own workflows and the subscribers
 * they set off have ended.
 * Up to a minute: on a busy two-core machine Medusa's delayed processing runs late.
 */
export async function webhooksProcessed(container: MedusaContainer, eventIds: string[]) {
  const pos = container.resolve<PosModuleService>(POS_MODULE)
  const rows = await waitFor(
    `webhooks processed: ${eventIds.join(", ")}`,
    async () => {
      const found = await pos.listPaymentWebhookEvents({ event_id: eventIds })
      return found.length === new Set(eventIds).size && found.every((r) => r.processed_at) ? found : undefined
    },
    { timeout: 60_000, interval: 250 }
  )
  await eventsSettled(container)
  return rows
}
