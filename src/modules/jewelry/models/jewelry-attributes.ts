import { model } from "@medusajs/framework/utils"

/**
 * What makes a product variant a piece of jewellery: metal, purity, weights,
 * stones, making charge, hallmark and tag. Linked 1:1 to the variant.
 * Weights are milligrams, stone weights milli-carats, money paise, and
 * percentages basis points, all integers.
 */
export const JewelryAttributes = model
  .define("jewelry_attributes", {
    id: model.id({ prefix: "jattr" }).primaryKey(),
    metal: model.enum(["gold", "silver", "platinum"]),
    purity: model.number(),
    gross_weight_mg: model.number(),
    net_weight_mg: model.number(),
    stone_weight_mg: model.number().default(0),
    /** [{ type, shape, count, weight_mct, clarity, colour, price_per_carat_paise | fixed_price_paise }] */
    stones: model.json().nullable(),
    making_type: model.enum(["per_gram", "percent", "flat"]),
    /** Paise per gram, basis points, or paise, by making_type. */
    making_value: model.number(),
    wastage_bp: model.number().default(0),
    other_charges_paise: model.number().default(0),
    hsn: model.text().default("7113"),
    huid: model.text().nullable(),
    hallmark_date: model.dateTime().nullable(),
    /** { lab, number, file_id } */
    certificate: model.json().nullable(),
    tag_code: model.text(),
    /**
     * "piece": one article (stock 1 at one location, or 0); "count": goods of
     * one kind sold by count (coins of one weight, plain silver articles).
     * A HUID is always a piece (docs/counter.md, "One piece per tag").
     */
    stock_unit: model.enum(["piece", "count"]).default("piece"),
    design_code: model.text().nullable(),
    size: model.text().nullable(),
    gender: model.enum(["women", "men", "unisex", "kids"]).nullable(),
    occasion: model.text().nullable(),
    collection: model.text().nullable(),
    pricing_mode: model.enum(["rate_based", "fixed"]).default("rate_based"),
    /** The last computed breakdown (src/lib/pricing), as written to the variant's price. */
    breakdown: model.json().nullable(),
    priced_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["huid"], unique: true, where: "huid IS NOT NULL AND deleted_at IS NULL" },
    { on: ["tag_code"], unique: true, where: "deleted_at IS NULL" },
    { on: ["metal", "purity", "pricing_mode"] },
    { on: ["design_code"] },
  ])
