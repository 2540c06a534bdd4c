import type { JewelryAttributesInput } from "../../../workflows/jewelry"
import type { PostJewelryAttributesBodyType } from "./validators"

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
    stock_unit: body.stock_unit ?? "piece",
    design_code: body.design_code ?? null,
    size: body.size ?? null,
    gender: body.gender ?? null,
    occasion: body.occasion ?? null,
    collection: body.collection ?? null,
    pricing_mode: body.pricing_mode ?? "rate_based",
  }
}
