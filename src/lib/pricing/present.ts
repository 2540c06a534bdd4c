import type { PriceBreakdownView } from "../../types/http"
import { paiseToAmount } from "../money"
import { KARATS, priceStoredPiece, type PriceBreakdown, type StoredPiece } from "."

type StoredBreakdown = PriceBreakdown & { metal: string; purity: number; rate_source: string }

/**
 * A piece's breakdown for another place of supply: the same pricing
 * function, fed the stored rate and the piece.
 */
export function breakdownFor(
  stored: StoredBreakdown,
  piece: StoredPiece,
  branchState: string,
  supplyState: string
): StoredBreakdown {
  const again = priceStoredPiece(piece, stored.rate_per_g, branchState, supplyState)
  return { ...again, metal: stored.metal, purity: stored.purity, rate_source: stored.rate_source }
}

/** A breakdown as the API shows it: rupees (Medusa's major units), weights in grams. */
export function presentBreakdown(b: StoredBreakdown, pricedAt: Date | string | null): PriceBreakdownView {
  return {
    metal: b.metal,
    purity: b.purity,
    karat: b.metal === "gold" ? KARATS[b.purity] ?? null : null,
    net_weight_g: b.net_weight_mg / 1000,
    rate_per_g: paiseToAmount(b.rate_per_g),
    rate_source: b.rate_source,
    metal_value: paiseToAmount(b.metal_value),
    wastage: paiseToAmount(b.wastage_value),
    making_charge: paiseToAmount(b.making_charge),
    stone_value: paiseToAmount(b.stone_value),
    other_charges: paiseToAmount(b.other_charges),
    discount: paiseToAmount(b.discount),
    taxable_value: paiseToAmount(b.taxable_value),
    gst: {
      hsn: b.hsn,
      rate_percent: b.gst_rate / 1000,
      supply: b.supply,
      cgst: paiseToAmount(b.cgst),
      sgst: paiseToAmount(b.sgst),
      igst: paiseToAmount(b.igst),
      total: paiseToAmount(b.gst_total),
    },
    total: paiseToAmount(b.total),
    invoice_total: paiseToAmount(b.invoice_total),
    round_off: paiseToAmount(b.round_off),
    priced_at: pricedAt,
  }
}
