/**
 * How an offer becomes a Medusa promotion, and what a cart is worth to it.
 * Shared by the runs that issue promotions with the offers, the cart hook
 * that creates an offer's promotion the first time its code is applied, and
 * the hook that keeps cart-dependent offers (making charges, capped
 * percentages) at the amount they deserve.
 */
import type { CreatePromotionDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { amountToPaise, paiseToAmount } from "../../../lib/money"
import { isCartDependent, type CartValue, type OfferTerms } from "../../../lib/offers"

export type CampaignForPromotion = OfferTerms & { promotion_campaign_id: string | null }

/**
 * The promotion of one customer's offer: single use, for that customer only,
 * under the campaign's Medusa campaign (its dates and spend budget). Fixed
 * and plain percentage offers are Medusa's own kinds; cart-dependent offers
 * are a fixed amount set from the cart (`cartDiscountPaise`), kept right by
 * the cart hook as the cart changes.
 */
export function offerPromotionInput(
  campaign: CampaignForPromotion,
  offer: { code: string; customer_id: string },
  cartDiscountPaise?: number
): CreatePromotionDTO {
  const dependent = isCartDependent(campaign)
  const value =
    campaign.offer_type === "percentage" && !dependent
      ? campaign.offer_value / 100
      : paiseToAmount(campaign.offer_type === "fixed" ? campaign.offer_value : Math.max(cartDiscountPaise ?? 0, 1))
  return {
    code: offer.code,
    type: "standard",
    status: "active",
    is_automatic: false,
    is_tax_inclusive: false,
    limit: 1,
    campaign_id: campaign.promotion_campaign_id ?? undefined,
    application_method: {
      type: campaign.offer_type === "percentage" && !dependent ? "percentage" : "fixed",
      target_type: "order",
      allocation: "across",
      value,
      currency_code: "inr",
    },
    rules: [
      { attribute: "customer.id", operator: "eq", values: [offer.customer_id] },
      ...(campaign.min_order ? [{ attribute: "item_subtotal", operator: "gte" as const, values: [String(paiseToAmount(campaign.min_order))] }] : []),
    ],
  } as CreatePromotionDTO
}

export type CartLine = { variant_id?: string | null; quantity: number | string | { toString(): string } }

/**
 * A cart's goods before GST and the making charges inside them: each
 * piece's making charge from the breakdown stored with it by the pricing
 * (src/lib/pricing), times its quantity.
 */
export async function cartValue(container: MedusaContainer, cart: { item_subtotal: unknown; items?: CartLine[] | null }): Promise<CartValue> {
  const lines = (cart.items ?? []).filter((i) => !!i.variant_id)
  let making = 0
  if (lines.length) {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "product_variant",
      fields: ["id", "jewelry_attributes.breakdown"],
      filters: { id: [...new Set(lines.map((l) => l.variant_id!))] },
    })
    const makingOf = new Map(
      (data as { id: string; jewelry_attributes?: { breakdown?: { making_charge?: number } | null } | null }[]).map((v) => [
        v.id,
        v.jewelry_attributes?.breakdown?.making_charge ?? 0,
      ])
    )
    for (const line of lines) {
      making += (makingOf.get(line.variant_id!) ?? 0) * Number(line.quantity.toString())
    }
  }
  return { goods_paise: amountToPaise(cart.item_subtotal as number), making_paise: making }
}

/** Creates the promotions of offers that do not have one yet (by code); returns code → promotion id for all of them. */
export async function ensureOfferPromotions(
  container: MedusaContainer,
  inputs: CreatePromotionDTO[]
): Promise<{ ids: Map<string, string>; created: string[] }> {
  const promotion = container.resolve(Modules.PROMOTION)
  const codes = inputs.map((i) => i.code)
  const existing = codes.length ? await promotion.listPromotions({ code: codes }, { select: ["id", "code"] }) : []
  const ids = new Map(existing.map((p) => [p.code!, p.id]))
  const missing = inputs.filter((i) => !ids.has(i.code))
  const created: string[] = []
  if (missing.length) {
    try {
      for (const p of await promotion.createPromotions(missing)) {
        ids.set(p.code!, p.id)
        created.push(p.id)
      }
    } catch (e) {
      // The same codes created at the same moment elsewhere (a code applied on two carts at once): theirs stand.
      const raced = await promotion.listPromotions({ code: missing.map((i) => i.code) }, { select: ["id", "code"] })
      if (raced.length < missing.length) {
        throw e
      }
      raced.forEach((p) => ids.set(p.code!, p.id))
    }
  }
  return { ids, created }
}
