import type { Metal, StoneLine } from "../../../lib/pricing"

/** Integers throughout: mg, milli-carats, paise, basis points. */
export type JewelryAttributesInput = {
  variant_id: string
  metal: Metal
  purity: number
  gross_weight_mg: number
  net_weight_mg: number
  stone_weight_mg?: number
  stones?: (StoneLine & { shape?: string; clarity?: string; colour?: string })[]
  making_type: "per_gram" | "percent" | "flat"
  making_value: number
  wastage_bp?: number
  other_charges_paise?: number
  hsn?: string
  huid?: string | null
  hallmark_date?: Date | null
  tag_code: string
  stock_unit?: "piece" | "count"
  design_code?: string | null
  size?: string | null
  gender?: "women" | "men" | "unisex" | "kids" | null
  occasion?: string | null
  collection?: string | null
  pricing_mode?: "rate_based" | "fixed"
}
