import type { MedusaContainer } from "@medusajs/framework/types"
import { POS_MODULE } from "../../src/modules/pos"
import type PosModuleService from "../../src/modules/pos/service"

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Medusa processes a payment webhook about five seconds after answering it:
 * waits until the app has been through every delivered event (each record
 * notes its outcome), then a moment more for Medusa's own workflows to end.
 * Up to a minute: on a busy two-core machine Medusa's delayed processing runs late.
 */
export async function webhooksProcessed(container: MedusaContainer, eventIds: string[]) {
  const pos = container.resolve<PosModuleService>(POS_MODULE)
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const rows = await pos.listPaymentWebhookEvents({ event_id: eventIds })
    if (rows.length === new Set(eventIds).size && rows.every((r) => r.processed_at)) {
      await sleep(1500)
      return rows
    }
    await sleep(250)
  }
  throw new Error(`webhooks not processed: ${eventIds.join(", ")}`)
}
