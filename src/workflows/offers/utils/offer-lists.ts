import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { paiseToAmount } from "../../../lib/money"
import { describeOffer, termsOf, type OfferTerms } from "../../../lib/offers"
import { OFFERS_MODULE } from "../../../modules/offers"
import type OffersModuleService from "../../../modules/offers/service"

type OfferRow = Awaited<ReturnType<OffersModuleService["listOffers"]>>[number] & {
  campaign: OfferTerms & { id: string; name: string; kind: string; status: string }
  run: { terms: OfferTerms | null }
}

/** An offer as the API shows it: what it gives in words and its minimum in rupees, from the terms it was issued with. */
export function presentOffer(offer: OfferRow) {
  const terms = offer.run?.terms ?? termsOf(offer.campaign)
  return {
    id: offer.id,
    code: offer.code,
    status: offer.status,
    customer_id: offer.customer_id,
    campaign: { id: offer.campaign.id, name: offer.campaign.name, kind: offer.campaign.kind },
    description: describeOffer(terms),
    min_order: terms.min_order ? paiseToAmount(terms.min_order) : null,
    issued_at: offer.issued_at,
    valid_until: offer.expires_at,
    redeemed_at: offer.redeemed_at,
    redeemed_order_id: offer.redeemed_order_id,
    discount_total: offer.discount_total,
    order_total: offer.order_total,
    message_id: offer.message_id,
  }
}

type Filters = { campaign_id?: string; customer_id?: string; status?: string }

/** A page of offers, newest first, each with its customer's name and contact. */
export async function listOffersWithCustomers(container: MedusaContainer, filters: Filters, page: { limit: number; offset: number }) {
  const where = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined))
  const [offers, count] = await container
    .resolve<OffersModuleService>(OFFERS_MODULE)
    .listAndCountOffers(where, { relations: ["campaign", "run"], order: { created_at: "DESC", id: "DESC" }, take: page.limit, skip: page.offset })
  const ids = [...new Set(offers.map((o) => o.customer_id))]
  const { data: customers } = ids.length
    ? await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "customer", fields: ["id", "first_name", "last_name", "email", "phone"], filters: { id: ids } })
    : { data: [] }
  const byId = new Map((customers as { id: string }[]).map((c) => [c.id, c]))
  return {
    offers: (offers as unknown as OfferRow[]).map((o) => ({ ...presentOffer(o), customer: byId.get(o.customer_id) ?? null })),
    count,
    limit: page.limit,
    offset: page.offset,
  }
}

/** Whether an offer can still be used: issued or sent (the caller's filter), not past its date, of a campaign not withdrawn. */
const usableNow = (o: { expires_at: Date | null; campaign: { status: string } }, now: Date) =>
  (!o.expires_at || new Date(o.expires_at) > now) && o.campaign.status !== "cancelled"

/** An offer as the customer's list of usable offers shows it. */
function presentUsable(o: OfferRow) {
  const shown = presentOffer(o)
  return { id: o.id, code: o.code, description: shown.description, min_order: shown.min_order, valid_until: o.expires_at, campaign: o.campaign.name }
}

/** The offers a customer can still use: issued or sent, not past their date, of a campaign not withdrawn; soonest to expire first. */
export async function activeOffersOf(container: MedusaContainer, customerId: string, now = new Date()) {
  return (await customerOffersView(container, customerId, 0, now)).active
}

/**
 * The customer's offers from one read (the 360's and the storefront's): those the customer can still use,
 * their latest `limit` of any status (as the offers list shows them, without the customer's own contact) and
 * how many they have.
 */
export async function customerOffersView(container: MedusaContainer, customerId: string, limit: number, now = new Date()) {
  const { usable, recent, count } = await container.resolve<OffersModuleService>(OFFERS_MODULE).customerOffers(customerId, limit)
  const rows = (offers: typeof usable) => offers as unknown as OfferRow[]
  return { active: rows(usable).filter((o) => usableNow(o, now)).map(presentUsable), recent: rows(recent).map(presentOffer), count }
}
