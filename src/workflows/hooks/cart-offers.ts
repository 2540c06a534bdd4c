import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules, PromotionActions } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { formatInr, paiseToAmount } from "../../lib/money"
import { formatShopDate } from "../../lib/occasions"
import { describeOffer, isCartDependent, offerDiscountPaise, termsOf, type OfferTerms } from "../../lib/offers"
import { OFFERS_MODULE } from "../../modules/offers"
import type OffersModuleService from "../../modules/offers/service"
import { cartValue, ensureOfferPromotions, offerPromotionInput, type CartLine } from "../offers/utils/offer-promotion"

type Cart = {
  id: string
  item_subtotal: unknown
  customer?: { id: string; has_account?: boolean | null } | null
  items?: CartLine[] | null
  promotions?: { id: string; code?: string | null }[] | null
}

type OfferWithCampaign = Awaited<ReturnType<OffersModuleService["listOffers"]>>[number] & {
  campaign: OfferTerms & { id: string; name: string; status: string; starts_at: Date | null; promotion_campaign_id: string | null }
  run: { terms: OfferTerms | null }
}

/** The terms an offer carries: its run's, as they were when it was issued. */
const termsOfOffer = (offer: OfferWithCampaign): OfferTerms => offer.run?.terms ?? termsOf(offer.campaign)

type CartCustomer = { id: string; has_account?: boolean | null } | null | undefined

/** Why an offer code cannot go on this cart now, in the customer's words; null when it can. */
export function offerCodeProblem(offer: OfferWithCampaign, customer: CartCustomer, goodsPaise: number, now = new Date()): string | null {
  if (offer.customer_id !== customer?.id) {
    // A guest cart (no customer, or one Medusa made from the email alone) cannot hold anyone's personal code.
    return !customer || customer.has_account === false ? `Sign in to use your offer code ${offer.code}` : `The offer code ${offer.code} belongs to another customer`
  }
  if (offer.status === "redeemed") {
    return `The offer code ${offer.code} was already used`
  }
  if (offer.status === "cancelled" || offer.campaign.status === "cancelled") {
    return `The offer code ${offer.code} was withdrawn`
  }
  if (offer.status === "expired" || (offer.expires_at && new Date(offer.expires_at) <= now)) {
    return `The offer code ${offer.code} expired${offer.expires_at ? ` on ${formatShopDate(new Date(offer.expires_at))}` : ""}`
  }
  if (offer.status === "pending") {
    return `The offer code ${offer.code} is not active yet`
  }
  if (offer.campaign.starts_at && new Date(offer.campaign.starts_at) > now) {
    return `The offer code ${offer.code} can be used from ${formatShopDate(new Date(offer.campaign.starts_at))}`
  }
  const { min_order } = termsOfOffer(offer)
  if (min_order && goodsPaise < min_order) {
    return `The offer code ${offer.code} needs a purchase of ${formatInr(min_order)} before GST; the cart has ${formatInr(goodsPaise)}`
  }
  return null
}

async function offersForCodes(container: MedusaContainer, codes: string[]): Promise<OfferWithCampaign[]> {
  if (!codes.length) {
    return []
  }
  return (await container.resolve<OffersModuleService>(OFFERS_MODULE).listOffers({ code: codes }, { relations: ["campaign", "run"] })) as unknown as OfferWithCampaign[]
}

/**
 * Offer codes on a cart, as the customer applies them through Medusa's own
 * promotion routes (or a cart refresh re-applies them):
 * - a code newly applied is checked first — it is this signed-in customer's,
 *   not used, not expired, the cart reaches its minimum — with a message
 *   saying what is wrong; its Medusa promotion is created on first use;
 * - a cart-dependent offer (a share of making charges, a capped percentage)
 *   has its promotion set to what this cart deserves, every time the cart's
 *   promotions are worked out.
 * Medusa then applies the promotion (its customer rule, single use, campaign
 * dates and budget).
 */
updateCartPromotionsWorkflow.hooks.validate(async ({ input, cart }: { input: { promo_codes?: string[]; action?: string }; cart: Cart }, { container }) => {
  const action = input.action ?? PromotionActions.ADD
  if (action === PromotionActions.REMOVE) {
    return new StepResponse(undefined)
  }
  const onCart = new Set((cart.promotions ?? []).map((p) => p.code).filter(Boolean))
  const requested = input.promo_codes ?? []
  const codes = [...new Set([...requested, ...(action === PromotionActions.ADD ? onCart : [])])] as string[]
  const offers = await offersForCodes(container, codes)
  if (!offers.length) {
    return new StepResponse(undefined)
  }
  const value = await cartValue(container, cart)
  const customerId = cart.customer?.id ?? null
  for (const offer of offers.filter((o) => !onCart.has(o.code))) {
    const problem =
      offerCodeProblem(offer, cart.customer, value.goods_paise) ??
      (offerDiscountPaise(termsOfOffer(offer), value) === 0 ? `The offer code ${offer.code} gives nothing on this cart (${describeOffer(termsOfOffer(offer))})` : null)
    if (problem) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, problem)
    }
  }
  const promotion = container.resolve(Modules.PROMOTION)
  const offersModule: OffersModuleService = container.resolve(OFFERS_MODULE)
  for (const offer of offers) {
    const terms = termsOfOffer(offer)
    const deserved = offerDiscountPaise(terms, value)
    if (!offer.promotion_id) {
      if (offer.customer_id !== customerId) {
        continue
      }
      const input = offerPromotionInput({ ...terms, promotion_campaign_id: offer.campaign.promotion_campaign_id }, offer, deserved)
      const { ids } = await ensureOfferPromotions(container, [input])
      await offersModule.updateOffers({ id: offer.id, promotion_id: ids.get(offer.code)! })
    } else if (isCartDependent(terms) && deserved > 0) {
      const [current] = await promotion.listPromotions({ id: offer.promotion_id }, { relations: ["application_method"] })
      const amount = paiseToAmount(deserved)
      if (current?.application_method && Number(current.application_method.value) !== amount) {
        await promotion.updatePromotions({ id: current.id, application_method: { value: amount } } as never)
      }
    }
  }
  return new StepResponse(undefined)
})

/**
 * The offer codes on a cart being completed are checked once more: the
 * customer's own, unused and still valid (a code copied onto another cart,
 * or one that expired in the meantime, stops the completion).
 */
export async function checkCartOfferCodes(container: MedusaContainer, cart: { customer?: CartCustomer; promotions?: { id: string }[] | null }) {
  const promotionIds = (cart.promotions ?? []).map((p) => p.id)
  if (!promotionIds.length) {
    return
  }
  const offers = (await container
    .resolve<OffersModuleService>(OFFERS_MODULE)
    .listOffers({ promotion_id: promotionIds }, { relations: ["campaign", "run"] })) as unknown as OfferWithCampaign[]
  for (const offer of offers) {
    const problem = offerCodeProblem(offer, cart.customer, Number.MAX_SAFE_INTEGER)
    if (problem) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${problem}; remove it to continue`)
    }
  }
}
