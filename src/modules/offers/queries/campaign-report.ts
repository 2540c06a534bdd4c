import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { roundedRatio } from "../../../lib/money"
import type { CampaignReport } from "../../../types/http"

export type { CampaignReport }

/**
 * A campaign's results in one pass over its offers and their messages (the
 * offers module's table beside the messaging outbox): how many were issued,
 * told, delivered, redeemed; the revenue of the redeemed orders and the
 * discounts they took (rupees, exact decimals).
 */
export async function campaignReport(container: MedusaContainer, campaignId: string): Promise<CampaignReport> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await knex.raw(
    `select count(*)::int as audience,
            count(*) filter (where o.status in ('issued', 'sent', 'redeemed', 'expired'))::int as issued,
            count(*) filter (where m.status in ('queued', 'sending'))::int as queued,
            count(*) filter (where m.status in ('sent', 'delivered', 'read'))::int as sent,
            count(*) filter (where m.status in ('delivered', 'read'))::int as delivered,
            count(*) filter (where m.status in ('failed', 'undelivered'))::int as failed,
            count(*) filter (where m.status = 'not_sent')::int as not_sent,
            count(*) filter (where o.status = 'redeemed')::int as redeemed,
            count(*) filter (where o.status = 'expired')::int as expired,
            count(*) filter (where o.status = 'cancelled')::int as cancelled,
            coalesce(sum(o.order_total) filter (where o.status = 'redeemed'), 0)::text as revenue,
            coalesce(sum(o.discount_total) filter (where o.status = 'redeemed'), 0)::text as discounts
       from offer o left join message m on m.id = o.message_id and m.deleted_at is null
      where o.campaign_id = ? and o.deleted_at is null`,
    [campaignId]
  )) as { rows: Record<string, number | string>[] }
  const r = rows[0]
  const issued = Number(r.issued)
  return {
    audience: Number(r.audience),
    issued,
    messages: { queued: Number(r.queued), sent: Number(r.sent), delivered: Number(r.delivered), failed: Number(r.failed), not_sent: Number(r.not_sent) },
    redeemed: Number(r.redeemed),
    expired: Number(r.expired),
    cancelled: Number(r.cancelled),
    redemption_rate: roundedRatio(Number(r.redeemed), issued, 4) ?? 0,
    revenue: String(r.revenue),
    discounts: String(r.discounts),
  }
}
