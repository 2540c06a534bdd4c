import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { Message } from "./models/message"
import { MessageTemplate } from "./models/message-template"

export type ClaimedMessage = {
  id: string
  to: string | null
  channel: "sms" | "whatsapp"
  event: string
  body: string
  content_sid: string | null
  variables: Record<string, string> | null
  attempts: number
}

class MessagingModuleService extends MedusaService({ Message, MessageTemplate }) {
  /**
   * Takes up to `limit` due queued messages for sending: each is marked
   * `sending` with a lease, in one statement that skips rows another sender
   * holds, so two workers never send the same message.
   */
  @InjectManager()
  async claimDueMessages(limit: number, leaseMs: number, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<ClaimedMessage[]> {
    return this.claimDueMessages_(limit, leaseMs, sharedContext)
  }

  @InjectTransactionManager()
  protected async claimDueMessages_(limit: number, leaseMs: number, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<ClaimedMessage[]> {
    return (await sharedContext.transactionManager!.execute(
      `update message set status = 'sending', attempts = attempts + 1, next_attempt_at = now() + (? * interval '1 millisecond'), updated_at = now()
        where id in (select id from message
                      where status = 'queued' and next_attempt_at <= now() and deleted_at is null
                      order by next_attempt_at limit ? for update skip locked)
        returning id, "to", channel, event, body, content_sid, variables, attempts`,
      [leaseMs, limit]
    )) as ClaimedMessage[]
  }

  /**
   * Messages whose sender died while sending (the lease ran out): they may or
   * may not have reached the provider, so they are not sent again on their
   * own (at most once) but marked failed for staff to resend.
   */
  @InjectManager()
  async failInterruptedMessages(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<number> {
    const rows = (await sharedContext.manager!.execute(
      `update message set status = 'failed', reason = 'interrupted while sending; not sent again automatically so it cannot arrive twice', updated_at = now()
        where status = 'sending' and next_attempt_at < now() and deleted_at is null returning id`
    )) as { id: string }[]
    return rows.length
  }

  /** Promotional messages to a customer since `since` that count against the daily cap. */
  @InjectManager()
  async countPromotionalSince(customerId: string, since: Date, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<number> {
    const [row] = (await sharedContext.manager!.execute(
      `select count(*)::int as n from message
        where customer_id = ? and kind = 'promotional' and created_at >= ? and status <> 'not_sent' and deleted_at is null`,
      [customerId, since]
    )) as { n: number }[]
    return row.n
  }
}

export default MessagingModuleService
