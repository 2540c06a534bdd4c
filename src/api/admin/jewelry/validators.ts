import { z } from "@medusajs/framework/zod"

import { isValidHuid, normalizeHuid, STOCK_UNITS } from "../../../lib/jewelry-attributes"
import { caratsToMct, gramsToMg, percentToBp } from "../../../lib/money"
import { GST_RATES, METALS } from "../../../lib/pricing"
import { LABEL_STOCK_IDS } from "../../../lib/tag-labels"
import { decimal, findParams, Rupees } from "../../utils/validators"

export const RepriceJobsQuery = findParams({ limit: 20, maxLimit: 100 })
  .extend({
    status: z.enum(["pending", "running", "succeeded", "failed"]).optional(),
  })
  .strict()

export type RepriceJobsQueryType = z.infer<typeof RepriceJobsQuery>

const Grams = decimal(gramsToMg)

const Carats = decimal(caratsToMct)

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
    stock_unit: z.enum(STOCK_UNITS).optional(),
    design_code: z.string().trim().max(40).nullish(),
    size: z.string().trim().max(20).nullish(),
    gender: z.enum(["women", "men", "unisex", "kids"]).nullish(),
    occasion: z.string().trim().max(40).nullish(),
    collection: z.string().trim().max(60).nullish(),
    pricing_mode: z.enum(["rate_based", "fixed"]).optional(),
  })
  .strict()

export type PostJewelryAttributesBodyType = z.infer<typeof PostJewelryAttributesBody>

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

export const CertificateFields = z
  .object({
    /** The lab that issued it: IGI, GIA, SGL, … */
    lab: z.string().trim().max(60).optional(),
    /** The certificate's number, as printed on it. */
    number: z.string().trim().max(60).optional(),
  })
  .strict()

export type CertificateFieldsType = z.infer<typeof CertificateFields>

export const ImageUploadQuery = z
  .object({
    /** What the file names are: tag codes (one piece) or design codes (every piece of the design). */
    by: z.enum(["tag", "design"]),
  })
  .strict()

export type ImageUploadQueryType = z.infer<typeof ImageUploadQuery>

/** Photos per request; the admin page sends a large batch a few at a time and shows the progress. */
export const MAX_IMAGES_PER_REQUEST = 20

/** The most labels one request draws (pieces × copies). */
export const MAX_LABELS = 1000

/** Tag labels of pieces: by their tags (a selection, or the pieces an intake just made) or every piece of a product. */
export const TagLabelsBody = z
  .object({
    tag_codes: z.array(z.string().trim().min(1).max(64)).min(1).max(MAX_LABELS).optional(),
    product_id: z.string().trim().min(1).optional(),
    stock: z.enum(LABEL_STOCK_IDS).default("barbell_95x12"),
    barcode: z.enum(["code128", "qr"]).default("code128"),
    copies: z.number().int().min(1).max(10).default(1),
    /** Print the price before GST as last priced (many shops keep it off the tag). */
    price: z.boolean().default(false),
    /** Labels already used on the first sheet (sheets only). */
    skip: z.number().int().min(0).max(64).default(0),
  })
  .strict()

export type TagLabelsBodyType = z.infer<typeof TagLabelsBody>

/** The articles a tag holding several gives up, each to a tag of its own (the tag keeps one). */
export const SplitTagBody = z
  .object({
    articles: z
      .array(
        z
          .object({
            tag_code: z.string().trim().min(3).max(40),
            huid: z
              .string()
              .transform(normalizeHuid)
              .refine(isValidHuid, "HUID must be exactly 6 characters, A–Z and 0–9")
              .nullish(),
            /** When the article weighs other than the tag says. */
            gross_weight_g: Grams.optional(),
            net_weight_g: Grams.optional(),
          })
          .strict()
      )
      .min(1)
      .max(500)
      .refine((as) => new Set(as.map((a) => a.tag_code.toUpperCase())).size === as.length, "articles: each article has its own tag_code")
      .refine((as) => new Set(as.filter((a) => a.huid).map((a) => a.huid)).size === as.filter((a) => a.huid).length, "articles: each article has its own HUID"),
  })
  .strict()

export type SplitTagBodyType = z.infer<typeof SplitTagBody>
