/**
 * Offers follow their message and their date: an issued offer whose message
 * reached the customer's phone is "sent"; one past its date is "expired"
 * and its promotion, if it has one, is switched off.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { OFFERS_MODULE } from "../../../modules/offers"
import type OffersModuleService from "../../../modules/offers/service"

export async function updateOfferStatuses(container: MedusaContainer, now = new Date()): Promise<{ sent: number; expired: number }> {
  // One statement across the two modules' tables: offers and the messaging outbox.
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const sent = (await knex.raw(
    `update offer o set status = 'sent', updated_at = now()
       from message m
      where m.id = o.message_id and o.status = 'issued' and m.status in ('sent', 'delivered', 'read') and o.deleted_at is null`
  )) as { rowCount: number }
  const { expired, promotion_ids } = await container.resolve<OffersModuleService>(OFFERS_MODULE).expireOffers(now)
  if (promotion_ids.length) {
    await container.resolve(Modules.PROMOTION).updatePromotions(promotion_ids.map((id) => ({ id, status: "inactive" as const })))
  }
  return { sent: sent.rowCount ?? 0, expired }
}
