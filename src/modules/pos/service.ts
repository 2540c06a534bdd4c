import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { GATE_POLL_MS, SALES_GATE_LOCK } from "../../lib/backup/sales-gate"
import { PaymentLink } from "./models/payment-link"
import { PaymentWebhookEvent } from "./models/payment-webhook-event"
import { PosSale } from "./models/pos-sale"
import { PosTender } from "./models/pos-tender"

export type WebhookEventInput = {
  provider: string
  event_id: string
  event: string
  provider_payment_id?: string | null
  provider_order_id?: string | null
  provider_refund_id?: string | null
  amount_paise?: number | null
  currency_code?: string | null
  reason?: string | null
  occurred_at: Date
}

class PosModuleService extends MedusaService({ PosSale, PosTender, PaymentLink, PaymentWebhookEvent }) {
  /**
   * Waits while a backup is taking its snapshot (src/lib/backup/sales-gate.ts);
   * at once otherwise. Called by a sale before its first write. It asks and
   * sleeps rather than queueing on the lock: a sale waiting there must not
   * hold a pooled connection the sales under way need to finish.
   */
  @InjectManager()
  async waitForBackupGate(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    for (;;) {
      const [row] = (await sharedContext.manager!.execute("select pg_try_advisory_xact_lock_shared(?) as open", [SALES_GATE_LOCK])) as { open: boolean }[]
      if (row.open) {
        return
      }
      await new Promise((resolve) => setTimeout(resolve, GATE_POLL_MS))
    }
  }

  /**
   * Keeps a webhook delivery once per provider and event id, in one
   * statement, so deliveries racing each other keep exactly one; answers
   * whether this one was a repeat.
   */
  @InjectManager()
  async recordWebhookEvent(input: WebhookEventInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ id: string; duplicate: boolean }> {
    return this.recordWebhookEvent_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordWebhookEvent_(input: WebhookEventInput, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const id = generateEntityId(undefined, "pwhe")
    const amount = input.amount_paise ?? null
    const inserted = (await sharedContext.transactionManager!.execute(
      `insert into payment_webhook_event
         (id, provider, event_id, event, provider_payment_id, provider_order_id, provider_refund_id, amount_paise, raw_amount_paise,
          currency_code, reason, occurred_at, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now())
       on conflict (provider, event_id) where deleted_at is null do nothing
       returning id`,
      [
        id,
        input.provider,
        input.event_id,
        input.event,
        input.provider_payment_id ?? null,
        input.provider_order_id ?? null,
        input.provider_refund_id ?? null,
        amount,
        amount === null ? null : JSON.stringify({ value: String(amount), precision: 20 }),
        input.currency_code ?? null,
        input.reason ?? null,
        input.occurred_at,
      ]
    )) as { id: string }[]
    if (inserted.length) {
      return { id: inserted[0].id, duplicate: false }
    }
    const [existing] = (await sharedContext.transactionManager!.execute(
      `select id from payment_webhook_event where provider = ? and event_id = ? and deleted_at is null`,
      [input.provider, input.event_id]
    )) as { id: string }[]
    return { id: existing.id, duplicate: true }
  }

  /** Cash this customer paid at the counter since `since` (for the s.269ST day limit). */
  @InjectManager()
  async cashReceivedSince(customerId: string, since: Date, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<number> {
    const [row] = (await sharedContext.manager!.execute(
      `select coalesce(sum(amount_paise), 0)::bigint as paise from pos_tender
        where customer_id = ? and kind = 'cash' and created_at >= ? and deleted_at is null`,
      [customerId, since]
    )) as { paise: string }[]
    return Number(row.paise)
  }
}

export default PosModuleService
