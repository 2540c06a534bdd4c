import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { EstimateDocument } from "../../../lib/estimate-pdf"
import { amountToPaise } from "../../../lib/money"
import { oldGoldSettings } from "../../../lib/old-gold"
import { readBuyingRatesInForce } from "../../old-gold/utils/buying-rates"
import { valueArticles, type ArticleInput } from "../../old-gold/utils/value-articles"
import { ratesInForce } from "../utils/estimate-rates"
import { quotePosSale, type PosSaleInput } from "../utils/quote-pos-sale"

export type MakeEstimateInput = Pick<PosSaleInput, "branch_id" | "customer_id" | "items" | "bill_discount_paise" | "rates"> & {
  old_gold: ArticleInput[]
  user_id: string | null
}

/** The figures an estimate prints, without the shop's particulars (added when it is drawn). */
export type EstimateFigures = Omit<EstimateDocument, "number" | "created_at" | "seller">

/**
 * The bill priced as a counter sale would price it now (pieces in stock at the branch, discounts within each
 * piece's making charge), the old gold valued at today's buying rates, and the rates it holds for. Reads only.
 */
export const prepareEstimateStep = createStep("prepare-estimate", async (input: MakeEstimateInput, { container }) => {
  const [quote, rates, buying] = await Promise.all([
    quotePosSale(container, { ...input, points: 0 }),
    ratesInForce(container, input.branch_id),
    input.old_gold.length ? readBuyingRatesInForce(container, input.branch_id) : Promise.resolve([]),
  ])
  const oldGold = input.old_gold.length ? valueArticles(input.old_gold, buying, oldGoldSettings()) : null
  if (oldGold && oldGold.total_paise > quote.total_paise) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "old_gold: the old gold is worth more than the bill; an estimate sets old gold against a purchase")
  }
  const lines = quote.lines.map((l) => ({
    tag_code: l.tag_code,
    title: l.title,
    quantity: l.quantity,
    purity: l.purity,
    net_weight_mg: l.net_weight_mg,
    breakdown: l.breakdown,
    discount_paise: l.discount_paise,
    taxable_paise: amountToPaise(l.unit_price) * l.quantity - l.discount_paise,
  }))
  const taxable = lines.reduce((s, l) => s + l.taxable_paise, 0)
  const metals = new Set(quote.lines.map((l) => `${l.metal}:${l.purity}`))
  const figures: EstimateFigures = {
    customer: { name: [quote.customer.first_name, quote.customer.last_name].filter(Boolean).join(" ") || "Customer", phone: quote.customer.phone },
    lines,
    taxable_paise: taxable,
    gst_paise: quote.total_paise - taxable,
    total_paise: quote.total_paise,
    old_gold: oldGold
      ? { articles: oldGold.articles.map((a) => ({ description: a.description.trim(), payable_fine_mg: a.valuation.payable_fine_mg, value_paise: a.valuation.value_paise })), total_paise: oldGold.total_paise }
      : null,
    to_pay_paise: quote.total_paise - (oldGold?.total_paise ?? 0),
    rates: rates.rates.filter((r) => metals.has(`${r.metal}:${r.purity}`)),
  }
  return new StepResponse({
    branch_id: quote.branch.id,
    branch_code: quote.branch.code,
    customer_id: quote.customer.id,
    user_id: input.user_id,
    request: { items: input.items, bill_discount_paise: input.bill_discount_paise ?? 0, rates: input.rates ?? [], old_gold: input.old_gold },
    figures,
    rates_key: rates.key,
  })
})
