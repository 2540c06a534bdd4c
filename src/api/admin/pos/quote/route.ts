import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { paiseToAmount } from "../../../../lib/money"
import { panRequiredFor } from "../../../../lib/pan"
import { CASH_LIMIT_PAISE } from "../../../../lib/pos"
import { beyondLimits } from "../../../../lib/price-controls"
import { sellerLimits } from "../../../utils/price-limits"
import { assertOwnBranch } from "../../../utils/access"
import type { PosQuoteBodyType } from "../validators"
import { quotePosSale } from "../../../../workflows/pos"

/**
 * POST /admin/pos/quote — the bill for pieces at a branch before the sale:
 * each piece by its tag with its price, the total as the order will have it
 * (GST included), what the points would take off and the most the customer
 * may use, how much more cash the customer may pay today under s.269ST, and
 * whether the sale needs PAN or Form 60 (with the PAN on file, masked).
 * Checks stock and tags like the sale; writes nothing.
 */
export async function POST(req: MedusaRequest<PosQuoteBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  // A quote reads the branch's stock and prices as the sale would: only at the seller's own branches.
  await assertOwnBranch(req, body.branch_id, `Branch "${body.branch_id}"`)
  const [quote, limits] = await Promise.all([
    quotePosSale(req.scope, {
      branch_id: body.branch_id,
      customer_id: body.customer_id,
      items: body.items.map((i) => ({ tag_code: i.tag_code, quantity: i.quantity, making_discount_paise: i.making_discount ?? 0 })),
      bill_discount_paise: body.bill_discount ?? 0,
      rates: body.rates ?? [],
      scheme_cards: body.scheme_cards ?? [],
      memo_id: body.memo_id ?? null,
      points: body.loyalty_points,
    }),
    sellerLimits(req),
  ])
  res.json({
    quote: {
      branch: { id: quote.branch.id, code: quote.branch.code, name: quote.branch.name },
      customer_id: quote.customer.id,
      lines: quote.lines.map((l) => ({
        tag_code: l.tag_code,
        title: l.title,
        variant_id: l.variant_id,
        quantity: l.quantity,
        unit_price: l.unit_price,
        metal: l.metal,
        purity: l.purity,
        // The rate the line is priced at (the bill's own where it carries one); null for a piece at a fixed price.
        rate_per_g: l.breakdown ? paiseToAmount(l.breakdown.rate_per_g) : null,
        making_charge: l.making_charge_paise === null ? null : paiseToAmount(l.making_charge_paise),
        making_discount: paiseToAmount(l.making_discount_paise),
        scheme_waiver: paiseToAmount(l.waiver_paise),
        discount: paiseToAmount(l.discount_paise),
      })),
      discount: {
        making: paiseToAmount(quote.discount.making_discount_paise),
        making_percent: quote.discount.making_discount_bps / 100,
        bill: paiseToAmount(quote.discount.bill_discount_paise),
        // Metal rates the bill carries instead of the ones its pieces are priced at.
        rates: quote.discount.rate_changes.map((c) => ({ metal: c.metal, purity: c.purity, rate_per_g: paiseToAmount(c.to_paise), priced_at_per_g: paiseToAmount(c.from_paise) })),
      },
      // A matured scheme card's making-charge waiver (not a discount the seller gives).
      scheme_waiver: { percent: quote.scheme_waiver.bps / 100, amount: paiseToAmount(quote.scheme_waiver.paise) },
      // Discounts beyond the seller's own limits, each with the limit: the sale needs a manager's approval_id for them.
      beyond_limits: beyondLimits(quote.discount, limits),
      limits,
      total: paiseToAmount(quote.total_paise),
      points: quote.points,
      points_value: paiseToAmount(quote.points_paise),
      to_pay: paiseToAmount(quote.total_paise - quote.points_paise),
      points_balance: quote.points_balance,
      points_limit: quote.points_limit,
      cash_received_today: paiseToAmount(quote.cash_today_paise),
      cash_still_allowed_today: paiseToAmount(Math.max(0, CASH_LIMIT_PAISE - 1 - quote.cash_today_paise)),
      // Rule 114B: the counter asks for PAN or Form 60 before a sale of this size completes, unless the profile holds a PAN.
      pan_required: panRequiredFor(quote.total_paise),
      pan_on_file: quote.customer.pan?.pan_masked ?? null,
    },
  })
}
