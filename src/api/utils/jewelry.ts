import { z } from "@medusajs/framework/zod"
import { isValidHuid, normalizeHuid } from "../../lib/jewelry-attributes"
import { caratsToMct, gramsToMg, paiseToAmount, percentToBp, rupeesToPaise } from "../../lib/money"
import { GST_RATES, KARATS, METALS, priceStoredPiece, type PriceBreakdown, type StoredPiece } from "../../lib/pricing"
import type { JewelryAttributesInput } from "../../workflows/jewelry"

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

const decimal = (parse: (v: string | number) => number) =>
  z.union([z.string(), z.number()]).transform((value, ctx) => {
    try {
      return parse(value)
    } catch (e) {
      ctx.addIssue({ code: "custom", message: (e as Error).message })
      return z.NEVER
    }
  })

const Grams = decimal(gramsToMg)
const Carats = decimal(caratsToMct)
/** A rupee amount (string or number, at most 2 decimals) as paise. */
export const Rupees = decimal(rupeesToPaise)
const Percent = decimal(percentToBp)

const StoneBody = z
  .object({
    type: z.string().trim().min(1).max(40),
    shape: z.string().trim().max(40).optional(),
    count: z.number().int().min(1).max(10_000),
    carats: Carats,
    price_per_carat: Rupees.optional(),
    fixed_price: Rupees.optional(),
    clarity: z.string().trim().max(20).optional(),
    colour: z.string().trim().max(20).optional(),
  })
  .strict()
  .refine((s) => (s.price_per_carat === undefined) !== (s.fixed_price === undefined), {
    message: "give each stone line either price_per_carat or fixed_price",
  })

/** A piece's attributes in the units people use: grams, carats, rupees, percent. */
export const PostJewelryAttributesBody = z
  .object({
    metal: z.enum(METALS),
    purity: z.number().int().positive(),
    gross_weight_g: Grams,
    net_weight_g: Grams,
    stone_weight_g: Grams.optional(),
    stones: z.array(StoneBody).max(100).optional(),
    making: z.discriminatedUnion("type", [
      z.object({ type: z.literal("per_gram"), rupees: Rupees }).strict(),
      z.object({ type: z.literal("flat"), rupees: Rupees }).strict(),
      z.object({ type: z.literal("percent"), percent: Percent }).strict(),
    ]),
    wastage_percent: Percent.optional(),
    other_charges: Rupees.optional(),
    hsn: z.enum(Object.keys(GST_RATES) as [string, ...string[]]).optional(),
    huid: z
      .string()
      .transform(normalizeHuid)
      .refine(isValidHuid, "HUID must be exactly 6 characters, A–Z and 0–9")
      .nullish(),
    hallmark_date: z.coerce.date().nullish(),
    tag_code: z.string().trim().min(3).max(40),
    design_code: z.string().trim().max(40).nullish(),
    size: z.string().trim().max(20).nullish(),
    gender: z.enum(["women", "men", "unisex", "kids"]).nullish(),
    occasion: z.string().trim().max(40).nullish(),
    collection: z.string().trim().max(60).nullish(),
    pricing_mode: z.enum(["rate_based", "fixed"]).optional(),
  })
  .strict()

export type PostJewelryAttributesBodyType = z.infer<typeof PostJewelryAttributesBody>

/** The body in the integer units the workflows take. */
export function toPieceInput(body: PostJewelryAttributesBodyType): Omit<JewelryAttributesInput, "variant_id"> {
  const stones = (body.stones ?? []).map((s) => ({
    type: s.type,
    shape: s.shape,
    count: s.count,
    clarity: s.clarity,
    colour: s.colour,
    weight_mct: s.carats,
    ...(s.fixed_price !== undefined ? { fixed_price_paise: s.fixed_price } : { price_per_carat_paise: s.price_per_carat! }),
  }))
  return {
    metal: body.metal,
    purity: body.purity,
    gross_weight_mg: body.gross_weight_g,
    net_weight_mg: body.net_weight_g,
    stone_weight_mg: body.stone_weight_g ?? 0,
    stones: stones as JewelryAttributesInput["stones"],
    making_type: body.making.type,
    making_value: body.making.type === "percent" ? body.making.percent : body.making.rupees,
    wastage_bp: body.wastage_percent ?? 0,
    other_charges_paise: body.other_charges ?? 0,
    hsn: body.hsn,
    huid: body.huid ?? null,
    hallmark_date: body.hallmark_date ?? null,
    tag_code: body.tag_code,
    design_code: body.design_code ?? null,
    size: body.size ?? null,
    gender: body.gender ?? null,
    occasion: body.occasion ?? null,
    collection: body.collection ?? null,
    pricing_mode: body.pricing_mode ?? "rate_based",
  }
}

export const PostJewelryProductBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    handle: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "handle: lowercase letters, digits and dashes").optional(),
    description: z.string().max(5000).optional(),
    category_ids: z.array(z.string().min(1)).max(20).optional(),
    status: z.enum(["draft", "published"]).optional(),
    sales_channel_ids: z.array(z.string().min(1)).max(50).optional(),
    option_title: z.string().trim().min(1).max(40).optional(),
    variants: z
      .array(
        PostJewelryAttributesBody.extend({
          option_value: z.string().trim().min(1).max(40),
          title: z.string().trim().min(1).max(200).optional(),
          sku: z.string().trim().min(1).max(60).optional(),
          /** Taxable price in rupees, for pricing_mode "fixed". */
          price: Rupees.optional(),
        })
      )
      .min(1)
      .max(50)
      .refine((vs) => new Set(vs.map((v) => v.option_value)).size === vs.length, "each variant needs its own option_value"),
  })
  .strict()

export type PostJewelryProductBodyType = z.infer<typeof PostJewelryProductBody>

export const ImportQuery = z
  .object({ mode: z.enum(["all", "partial"]).default("all") })
  .strict()
export type ImportQueryType = z.infer<typeof ImportQuery>
