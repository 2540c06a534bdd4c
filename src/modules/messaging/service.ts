import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { entityIds } from "../../lib/ids"
import { pgArray } from "../../lib/pg-array"
import { boundRaw, pageWithTotal } from "../../lib/sql-rows"
import { Message } from "./models/message"
import { MessageTemplate } from "./models/message-template"

export type ClaimedMessage = {
  id: string
  to: string | null
  channel: "sms" | "whatsapp" | "email"
  event: string
  subject: string | null
  body: string
  content_sid: string | null
  variables: Record<string, string> | null
  attempts: number
}

class MessagingModuleService extends MedusaService({ Message, MessageTemplate }) {
  /**
   * Takes up to `limit` due queued messages for sending: each is marked
   * `sending` with a lease, in one statement that skips rows another sender
   * holds, so two workers never send the same message. With `only`, just
   * those messages (a sign-in code the customer is waiting for, whatever
   * else is due before it).
   */
  @InjectManager()
  async claimDueMessages(limit: number, leaseMs: number, only: string[] | null = null, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<ClaimedMessage[]> {
    return this.claimDueMessages_(limit, leaseMs, only, sharedContext)
  }

  @InjectTransactionManager()
  protected async claimDueMessages_(
    limit: number,
    leaseMs: number,
    only: string[] | null,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<ClaimedMessage[]> {
    const ids = only && pgArray(only)
    return (await sharedContext.transactionManager!.execute(
      `update message set status = 'sending', attempts = attempts + 1, next_attempt_at = now() + (? * interval '1 millisecond'), updated_at = now()
        where id in (select id from message
                      where status = 'queued' and next_attempt_at <= now() and deleted_at is null
                        and (?::text[] is null or id = any(?::text[]))
                      order by next_attempt_at limit ? for update skip locked)
        returning id, "to", channel, event, subject, body, content_sid, variables, attempts`,
      [leaseMs, ids, ids, limit]
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

  /** The same count for many customers at once (customers with none are absent). */
  @InjectManager()
  async countPromotionalSinceByCustomer(
    customerIds: string[],
    since: Date,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Map<string, number>> {
    const rows = (await sharedContext.manager!.execute(
      `select customer_id, count(*)::int as n from message
        where customer_id = any(?::text[]) and kind = 'promotional' and created_at >= ? and status <> 'not_sent' and deleted_at is null
        group by customer_id`,
      [pgArray(customerIds), since]
    )) as { customer_id: string; n: number }[]
    return new Map(rows.map((r) => [r.customer_id, r.n]))
  }

  /**
   * Stores many prepared messages in one statement, once per idempotency
   * key: returns each key's message id and whether this call stored it.
   */
  @InjectManager()
  async storeMessagesOnce(
    messages: StorableMessage[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ id: string; idempotency_key: string; created: boolean }[]> {
    return this.storeMessagesOnce_(messages, sharedContext)
  }

  @InjectTransactionManager()
  protected async storeMessagesOnce_(
    messages: StorableMessage[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ id: string; idempotency_key: string; created: boolean }[]> {
    if (!messages.length) {
      return []
    }
    const db = sharedContext.transactionManager!
    const column = <K extends keyof StorableMessage>(key: K) => pgArray(messages.map((m) => (m[key] ?? null) as string | null))
    // Bound, not written into the SQL text by the ORM: a campaign's batch is a thousand bodies and their variables.
    const inserted = await boundRaw<{ id: string; idempotency_key: string }>(
      db,
      `insert into message (id, customer_id, user_id, "to", channel, event, kind, language, subject, body, content_sid, variables, status, reason,
                            next_attempt_at, idempotency_key, attempts, created_at, updated_at)
       select id, customer_id, user_id, "to", channel, event, kind, language, subject, body, content_sid, variables, status, reason,
              next_attempt_at, idempotency_key, 0, now(), now()
         from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                     ?::jsonb[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])
           as t(id, customer_id, user_id, "to", channel, event, kind, language, subject, body, content_sid, variables, status, reason, next_attempt_at, idempotency_key)
       on conflict (idempotency_key) where deleted_at is null do nothing
       returning id, idempotency_key`,
      [
        pgArray(entityIds("msg", messages.length)),
        column("customer_id"),
        column("user_id"),
        column("to"),
        column("channel"),
        column("event"),
        column("kind"),
        column("language"),
        column("subject"),
        column("body"),
        column("content_sid"),
        pgArray(messages.map((m) => JSON.stringify(m.variables ?? {}))),
        column("status"),
        column("reason"),
        pgArray(messages.map((m) => m.next_attempt_at?.toISOString() ?? null)),
        column("idempotency_key"),
      ]
    )
    const created = new Set(inserted.map((r) => r.idempotency_key))
    const earlier = messages.length === inserted.length
      ? []
      : ((await db.execute("select id, idempotency_key from message where idempotency_key = any(?::text[]) and deleted_at is null", [
          pgArray(messages.map((m) => m.idempotency_key).filter((k) => !created.has(k))),
        ])) as { id: string; idempotency_key: string }[])
    return [...inserted.map((r) => ({ ...r, created: true })), ...earlier.map((r) => ({ ...r, created: false }))]
  }

  /** A customer's latest messages, newest first, and how many they have, in one statement (the 360's messages section). */
  @InjectManager()
  async latestMessagesOf(
    customerId: string,
    limit: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ messages: LatestMessage[]; count: number }> {
    const rows = (await sharedContext.manager!.execute(
      `select id, event, channel, status, reason, body, created_at, count(*) over () as total
         from message where customer_id = ? and deleted_at is null
        order by created_at desc limit ?`,
      [customerId, limit]
    )) as (LatestMessage & { total: string })[]
    const page = pageWithTotal(rows)
    return { messages: page.rows, count: page.count }
  }
}

export type StorableMessage = {
  customer_id: string | null
  user_id: string | null
  to: string | null
  channel: "sms" | "whatsapp" | "email"
  event: string
  kind: "transactional" | "promotional"
  language: string
  subject: string | null
  body: string
  content_sid: string | null
  variables: Record<string, string> | null
  status: "queued" | "not_sent"
  reason: string | null
  next_attempt_at: Date | null
  idempotency_key: string
}

/** A message as the 360 lists it. */
export type LatestMessage = { id: string; event: string; channel: string; status: string; reason: string | null; body: string; created_at: Date }

export default MessagingModuleService
