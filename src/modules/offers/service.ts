import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { pgArray } from "../../lib/pg-array"
import { withDates } from "../../lib/sql-rows"
import { Campaign } from "./models/campaign"
import { CampaignRun } from "./models/campaign-run"
import { CustomerFacts } from "./models/customer-facts"
import { FactsRefresh } from "./models/facts-refresh"
import { Offer } from "./models/offer"
import { Segment } from "./models/segment"

export type SqlCondition = { sql: string; bindings: (string | number)[] }

export type SegmentMember = {
  customer_id: string
  first_name: string | null
  last_name: string | null
  email: string | null
  phone: string | null
  lifetime_value: number
  order_count: number
  last_order_at: Date | null
  tier: string | null
}

export type AudienceMember = { customer_id: string; occasion: string }

export type PendingOffer = { id: string; customer_id: string; code: string; expires_at: Date | null }

export type IssuedOffer = { id: string; promotion_id: string | null; message_id: string | null }

const MEMBER_COLUMNS = "customer_id, first_name, last_name, email, phone, lifetime_value, order_count, last_order_at, tier"

/** An offer as customerOffers reads it. */
export type CustomerOfferRow = {
  id: string
  code: string
  status: string
  customer_id: string
  issued_at: Date | null
  expires_at: Date | null
  redeemed_at: Date | null
  redeemed_order_id: string | null
  discount_total: number | null
  order_total: number | null
  message_id: string | null
  created_at: Date
  campaign: { id: string; name: string; kind: string; status: string; offer_type: string; offer_value: number; max_discount: number | null; min_order: number | null }
  run: { terms: Record<string, unknown> | null }
}

class OffersModuleService extends MedusaService({ Segment, Campaign, CampaignRun, Offer, CustomerFacts, FactsRefresh }) {
  /**
   * How many customers a compiled rule selects and one page of them, highest
   * lifetime value first. The page and the count are two statements: the page
   * walks the lifetime-value index and stops after its rows, and the count
   * reads only the matching rows' columns; a count over the window of the
   * page's statement kept every matching row to count them (at 100 000
   * customers and a rule matching 40 000, 104 ms against 0.7 + 45 ms).
   * A page that is not full at the start needs no count at all.
   */
  @InjectManager()
  async previewAudience(
    where: SqlCondition,
    page: { limit: number; offset: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ count: number; customers: SegmentMember[] }> {
    const db = sharedContext.manager!
    const rows = (await db.execute(
      `select ${MEMBER_COLUMNS}
         from customer_facts where deleted_at is null and ${where.sql}
        order by lifetime_value desc, customer_id limit ? offset ?`,
      [...where.bindings, page.limit, page.offset]
    )) as SegmentMember[]
    const count =
      page.offset === 0 && rows.length < page.limit
        ? rows.length
        : ((await db.execute(`select count(*)::int as n from customer_facts where deleted_at is null and ${where.sql}`, where.bindings)) as { n: number }[])[0].n
    return {
      count,
      customers: rows.map((r) => ({ ...r, lifetime_value: Number(r.lifetime_value), order_count: Number(r.order_count) })),
    }
  }

  /**
   * The customers a rule selects with the occasion each offer would be for,
   * leaving out those who already have an offer of this campaign for it.
   */
  @InjectManager()
  async findNewAudience(
    campaignId: string,
    where: SqlCondition,
    occasion: SqlCondition,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ members: AudienceMember[]; matched: number }> {
    const rows = (await sharedContext.manager!.execute(
      `select f.customer_id, ${occasion.sql} as occasion, exists (
                select 1 from offer o where o.campaign_id = ? and o.customer_id = f.customer_id
                   and o.occasion = ${occasion.sql} and o.deleted_at is null) as has_offer
         from customer_facts f where f.deleted_at is null and ${where.sql}
        order by f.customer_id`,
      [...occasion.bindings, campaignId, ...occasion.bindings, ...where.bindings]
    )) as (AudienceMember & { has_offer: boolean })[]
    return { members: rows.filter((r) => !r.has_offer).map(({ customer_id, occasion }) => ({ customer_id, occasion })), matched: rows.length }
  }

  /**
   * Fresh planner statistics for the offers after a large audience is written:
   * with the new run unknown to them, PostgreSQL took a run's pending offers
   * from its run_id index and sorted them all for every batch (40 ms a batch
   * at 100 000 offers) instead of reading them in order from (run_id, status, id).
   */
  @InjectManager()
  async analyzeOffers(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await sharedContext.manager!.execute("analyze offer")
  }

  /**
   * Writes the audience of a run down as pending offers, with their codes,
   * in set-based inserts; a customer who already has the campaign's offer
   * for the occasion is skipped by the unique index. Returns how many were added.
   */
  @InjectManager()
  async addPendingOffers(
    run: { id: string; campaign_id: string },
    offers: { id: string; customer_id: string; occasion: string; code: string; expires_at: Date | null }[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    return this.addPendingOffers_(run, offers, sharedContext)
  }

  @InjectTransactionManager()
  protected async addPendingOffers_(
    run: { id: string; campaign_id: string },
    offers: { id: string; customer_id: string; occasion: string; code: string; expires_at: Date | null }[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    let added = 0
    for (let i = 0; i < offers.length; i += 5000) {
      const chunk = offers.slice(i, i + 5000)
      const rows = (await sharedContext.transactionManager!.execute(
        `insert into offer (id, campaign_id, run_id, customer_id, occasion, code, status, expires_at, created_at, updated_at)
         select id, ?, ?, customer_id, occasion, code, 'pending', expires_at, now(), now()
           from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[]) as t(id, customer_id, occasion, code, expires_at)
         on conflict (campaign_id, customer_id, occasion) where deleted_at is null do nothing
         returning id`,
        [
          run.campaign_id,
          run.id,
          pgArray(chunk.map((o) => o.id)),
          pgArray(chunk.map((o) => o.customer_id)),
          pgArray(chunk.map((o) => o.occasion)),
          pgArray(chunk.map((o) => o.code)),
          pgArray(chunk.map((o) => o.expires_at?.toISOString() ?? null)),
        ]
      )) as { id: string }[]
      added += rows.length
    }
    return added
  }

  /**
   * The next pending offers of a run, in id order; of one share of them when
   * several batches issue side by side (`shard` of `shards`, by a hash of the id);
   * after `after`, the last id of the share's previous batch, so a batch reads
   * its own offers from the (run_id, status, id) index instead of sorting every
   * pending offer of the run again (at 100 000 offers, 58 ms a batch).
   */
  @InjectManager()
  async listPendingOffers(
    runId: string,
    limit: number,
    share: { shard: number; shards: number; after?: string | null } = { shard: 0, shards: 1 },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<PendingOffer[]> {
    const after = share.after ?? ""
    return (await sharedContext.manager!.execute(
      `select id, customer_id, code, expires_at from offer
        where run_id = ? and status = 'pending' and id > ? and deleted_at is null and mod(abs(hashtext(id)), ?) = ?
        order by id limit ?`,
      [runId, after, share.shards, share.shard, limit]
    )) as PendingOffer[]
  }

  /** Marks a batch of pending offers issued, with their promotion and message, in one statement; returns how many moved. */
  @InjectManager()
  async markOffersIssued(offers: IssuedOffer[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<number> {
    return this.markOffersIssued_(offers, sharedContext)
  }

  @InjectTransactionManager()
  protected async markOffersIssued_(offers: IssuedOffer[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<number> {
    if (!offers.length) {
      return 0
    }
    const rows = (await sharedContext.transactionManager!.execute(
      `update offer o set status = 'issued', issued_at = now(), updated_at = now(),
              promotion_id = coalesce(t.promotion_id, o.promotion_id), message_id = coalesce(t.message_id, o.message_id)
         from unnest(?::text[], ?::text[], ?::text[]) as t(id, promotion_id, message_id)
        where o.id = t.id and o.status = 'pending' returning o.id`,
      [pgArray(offers.map((o) => o.id)), pgArray(offers.map((o) => o.promotion_id)), pgArray(offers.map((o) => o.message_id))]
    )) as { id: string }[]
    return rows.length
  }

  /** Puts issued offers back to pending (a batch that failed after marking them). */
  @InjectManager()
  async unmarkOffersIssued(ids: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    return this.unmarkOffersIssued_(ids, sharedContext)
  }

  @InjectTransactionManager()
  protected async unmarkOffersIssued_(ids: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    if (ids.length) {
      await sharedContext.transactionManager!.execute(
        `update offer set status = 'pending', issued_at = null, updated_at = now() where id = any(?::text[]) and status = 'issued'`,
        [pgArray(ids)]
      )
    }
  }

  /** Adds to a run's counters (negative numbers take a failed batch's share back). */
  @InjectManager()
  async addRunProgress(
    runId: string,
    delta: { processed?: number; issued?: number; messaged?: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    return this.addRunProgress_(runId, delta, sharedContext)
  }

  @InjectTransactionManager()
  protected async addRunProgress_(
    runId: string,
    delta: { processed?: number; issued?: number; messaged?: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    await sharedContext.transactionManager!.execute(
      `update offer_campaign_run set processed = processed + ?, issued = issued + ?, messaged = messaged + ?, heartbeat_at = now(), updated_at = now()
        where id = ?`,
      [delta.processed ?? 0, delta.issued ?? 0, delta.messaged ?? 0, runId]
    )
  }

  /**
   * Issued or sent offers that are past their date become expired; returns
   * the promotions of those that had one, so they can be switched off.
   */
  @InjectManager()
  async expireOffers(now: Date, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ expired: number; promotion_ids: string[] }> {
    return this.expireOffers_(now, sharedContext)
  }

  @InjectTransactionManager()
  protected async expireOffers_(now: Date, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ expired: number; promotion_ids: string[] }> {
    const rows = (await sharedContext.transactionManager!.execute(
      `update offer set status = 'expired', updated_at = now()
        where status in ('pending', 'issued', 'sent') and expires_at is not null and expires_at <= ? and deleted_at is null
        returning promotion_id`,
      [now]
    )) as { promotion_id: string | null }[]
    return { expired: rows.length, promotion_ids: rows.map((r) => r.promotion_id).filter((id): id is string => !!id) }
  }

  /**
   * Cancels a campaign's offers that are not redeemed, and its unfinished
   * runs, in two statements; returns how many offers and the promotions they had.
   */
  @InjectManager()
  async cancelCampaignOffers(campaignId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ count: number; promotion_ids: string[] }> {
    return this.cancelCampaignOffers_(campaignId, sharedContext)
  }

  @InjectTransactionManager()
  protected async cancelCampaignOffers_(campaignId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ count: number; promotion_ids: string[] }> {
    const db = sharedContext.transactionManager!
    const rows = (await db.execute(
      `update offer set status = 'cancelled', updated_at = now()
        where campaign_id = ? and status in ('pending', 'issued', 'sent') and deleted_at is null returning promotion_id`,
      [campaignId]
    )) as { promotion_id: string | null }[]
    await db.execute(
      `update offer_campaign_run set status = 'cancelled', finished_at = now(), updated_at = now()
        where campaign_id = ? and status in ('pending', 'running', 'failed') and deleted_at is null`,
      [campaignId]
    )
    return { count: rows.length, promotion_ids: rows.map((r) => r.promotion_id).filter((id): id is string => !!id) }
  }

  /** Offers of a campaign counted by status, with the revenue and discounts of the redeemed ones (rupees, as text). */
  @InjectManager()
  async campaignTotals(
    campaignId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ by_status: Record<string, number>; revenue: string; discounts: string }> {
    const db = sharedContext.manager!
    const counts = (await db.execute(
      "select status, count(*)::int as n from offer where campaign_id = ? and deleted_at is null group by status",
      [campaignId]
    )) as { status: string; n: number }[]
    const [money] = (await db.execute(
      `select coalesce(sum(order_total), 0)::text as revenue, coalesce(sum(discount_total), 0)::text as discounts
         from offer where campaign_id = ? and status = 'redeemed' and deleted_at is null`,
      [campaignId]
    )) as { revenue: string; discounts: string }[]
    return { by_status: Object.fromEntries(counts.map((c) => [c.status, c.n])), ...money }
  }

  /**
   * A customer's offers for the 360, in one statement: those still usable
   * by status (issued or sent; soonest to expire first), the latest
   * `recent` of any status, and how many they have — each with its
   * campaign's name, kind, status and terms and its run's terms.
   */
  @InjectManager()
  async customerOffers(
    customerId: string,
    recent: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ usable: CustomerOfferRow[]; recent: CustomerOfferRow[]; count: number }> {
    const [row] = (await sharedContext.manager!.execute(
      `with mine as (
         select o.id, o.code, o.status, o.customer_id, o.issued_at, o.expires_at, o.redeemed_at, o.redeemed_order_id,
                o.discount_total, o.order_total, o.message_id, o.created_at,
                json_build_object('id', c.id, 'name', c.name, 'kind', c.kind, 'status', c.status, 'offer_type', c.offer_type,
                                  'offer_value', c.offer_value, 'max_discount', c.max_discount, 'min_order', c.min_order) as campaign,
                json_build_object('terms', r.terms) as run
           from offer o
           join offer_campaign c on c.id = o.campaign_id
           left join offer_campaign_run r on r.id = o.run_id
          where o.customer_id = ? and o.deleted_at is null)
       select coalesce((select json_agg(m order by m.expires_at asc) from mine m where m.status in ('issued', 'sent')), '[]') as usable,
              coalesce((select json_agg(x) from (select * from mine order by created_at desc, id desc limit ?) x), '[]') as recent,
              (select count(*) from mine) as count`,
      [customerId, recent]
    )) as { usable: CustomerOfferRow[]; recent: CustomerOfferRow[]; count: string }[]
    return { usable: row.usable.map(withDates), recent: row.recent.map(withDates), count: Number(row.count) }
  }
}

export default OffersModuleService
