import { paiseToAmount, percentToBp, rupeesToPaise } from "../../lib/money"
import { describeOffer } from "../../lib/offers"

/** A discount as staff write it: a percentage (of the goods, or of their making charges) or rupees off. */
export type OfferAsWritten = { type: "percentage" | "making_percentage" | "fixed"; value: number; max_discount?: number | null }

/** The discount of a request in the campaign's units: basis points for percentages, paise for amounts. */
export function offerTerms(offer: OfferAsWritten, extra: { min_order?: number | null; budget?: number | null }) {
  return {
    offer_type: offer.type,
    offer_value: offer.type === "fixed" ? rupeesToPaise(offer.value) : percentToBp(offer.value),
    max_discount: offer.max_discount != null ? rupeesToPaise(offer.max_discount) : null,
    min_order: extra.min_order != null ? rupeesToPaise(extra.min_order) : null,
    budget: extra.budget != null ? rupeesToPaise(extra.budget) : null,
  }
}

type CampaignRecord = {
  offer_type: "percentage" | "fixed" | "making_percentage"
  offer_value: number
  max_discount: number | null
  min_order: number | null
  budget: number | null
  [key: string]: unknown
}

/** A campaign as the API shows it: the discount in percent or rupees, with its wording. */
export function presentCampaign<T extends CampaignRecord>(campaign: T) {
  const { offer_type, offer_value, max_discount, min_order, budget, ...rest } = campaign
  return {
    ...rest,
    offer: {
      type: offer_type,
      value: offer_type === "fixed" ? paiseToAmount(offer_value) : offer_value / 100,
      max_discount: max_discount != null ? paiseToAmount(max_discount) : null,
    },
    min_order: min_order != null ? paiseToAmount(min_order) : null,
    budget: budget != null ? paiseToAmount(budget) : null,
    description: describeOffer({ offer_type, offer_value, max_discount, min_order }),
  }
}
