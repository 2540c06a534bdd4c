import { z } from "@medusajs/framework/zod"
import { paiseToAmount } from "../../lib/money"
import { KARATS, priceJewelry, type PriceBreakdown, type StoneLine } from "../../lib/pricing"

export const RepriceJobsQuery = z
  .object({
    status: z.enum(["pending", "running", "succeeded", "failed"]).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type RepriceJobsQueryType = z.infer<typeof RepriceJobsQuery>

export const PriceBreakdownQuery = z
  .object({
    /** Two-digit GST state code of the place of supply; defaults to the catalogue's (a counter sale). */
    state_code: z.string().regex(/^\d{2}$/, "state_code is the two-digit GST state code, e.g. 29").optional(),
  })
  .strict()
export type PriceBreakdownQueryType = z.infer<typeof PriceBreakdownQuery>

type StoredBreakdown = PriceBreakdown & { metal: string; purity: number; rate_source: string }

/**
 * The stored breakdown, with the GST split for another place of supply when
 * asked: the same pricing function, fed the stored rate and the piece.
 */
export function breakdownFor(
  stored: StoredBreakdown,
  piece: {
    net_weight_mg: number
    wastage_bp: number
    making_type: "per_gram" | "percent" | "flat"
    making_value: number
    stones: unknown
    other_charges_paise: number
    hsn: string
  },
  branchState: string,
  supplyState: string | undefined
): StoredBreakdown {
  if (!supplyState) {
    return stored
  }
  const again = priceJewelry({
    rate_per_g_paise: stored.rate_per_g,
    net_weight_mg: piece.net_weight_mg,
    wastage_bp: piece.wastage_bp,
    making:
      piece.making_type === "percent"
        ? { type: "percent", basis_points: piece.making_value }
        : { type: piece.making_type, amount_paise: piece.making_value },
    stones: (piece.stones as StoneLine[] | null) ?? [],
    other_charges_paise: piece.other_charges_paise,
    hsn: piece.hsn,
    branch_state_code: branchState,
    supply_state_code: supplyState,
  })
  return { ...again, metal: stored.metal, purity: stored.purity, rate_source: stored.rate_source }
}

/** A breakdown as the API shows it: rupees (Medusa's major units), weights in grams. */
export function presentBreakdown(b: StoredBreakdown, pricedAt: Date | string | null) {
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
