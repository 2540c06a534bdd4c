/**
 * The one place where a piece of jewellery gets its price (docs/pricing.md).
 *
 *   metal value   = net weight × rate per gram of the purity
 *   wastage       = metal value × wastage %
 *   making        = per gram: net weight × amount | percent: metal value × % | flat: amount
 *   stones        = Σ carats × price per carat, or the line's fixed price
 *   other         = hallmarking / certification fees
 *   taxable value = metal + wastage + making + stones + other − discount
 *   GST           = taxable × rate (3 % jewellery 7113 / silverware 7114, 0.25 % loose diamonds 7102),
 *                   as CGST + SGST (half each) within the branch's state, else IGST
 *   total         = taxable + GST; the invoice total is rounded to the rupee with a round-off line
 *
 * Every amount is an integer number of paise; each component is rounded half
 * up to the paisa on its own, as it is printed on the invoice.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { mulDivHalfUp } from "../money"

export const METALS = ["gold", "silver", "platinum"] as const
export type Metal = (typeof METALS)[number]

/** Finenesses in parts per thousand that each metal is sold in. */
export const PURITIES: Readonly<Record<Metal, readonly number[]>> = {
  gold: [999, 995, 916, 875, 750, 585, 417, 375],
  silver: [999, 970, 925, 900, 800],
  platinum: [999, 950, 900],
}

/** Trade names of the gold finenesses. */
export const KARATS: Readonly<Record<number, string>> = { 999: "24K", 995: "24K", 916: "22K", 875: "21K", 750: "18K", 585: "14K", 417: "10K", 375: "9K" }

export type MakingCharge =
  | { type: "per_gram"; amount_paise: number }
  | { type: "percent"; basis_points: number }
  | { type: "flat"; amount_paise: number }

export type StoneLine = {
  type: string
  count: number
  /** Total weight of the line in milli-carats (1 ct = 1000 mct = 200 mg). */
  weight_mct: number
} & ({ price_per_carat_paise: number; fixed_price_paise?: undefined } | { fixed_price_paise: number; price_per_carat_paise?: undefined })

/** HSN code → GST rate in parts per 100 000 (3 % = 3000). */
export const GST_RATES: Readonly<Record<string, number>> = {
  "7113": 3000, // articles of jewellery
  "7114": 3000, // articles of goldsmiths' or silversmiths' wares
  "7118": 3000, // coins
  "7102": 250, // diamonds, loose
}

export type PricingInput = {
  /** Paise per gram of the piece's metal and purity (see resolveMetalRate). */
  rate_per_g_paise: number
  net_weight_mg: number
  /** Wastage (value addition) in basis points of the metal value. */
  wastage_bp?: number
  making: MakingCharge
  stones?: StoneLine[]
  /** Hallmarking, certification and other per-piece fees. */
  other_charges_paise?: number
  discount_paise?: number
  hsn?: string
  /** GST state codes: the branch's, and the place of supply (customer's state, or the branch's for counter sales). */
  branch_state_code: string
  supply_state_code: string
}

export type PriceBreakdown = {
  rate_per_g: number
  net_weight_mg: number
  metal_value: number
  wastage_value: number
  making_charge: number
  stone_value: number
  other_charges: number
  discount: number
  taxable_value: number
  hsn: string
  gst_rate: number
  supply: "intra_state" | "inter_state"
  cgst: number
  sgst: number
  igst: number
  gst_total: number
  total: number
  /** `total` rounded half up to the rupee, and the difference. */
  invoice_total: number
  round_off: number
}

function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

function nonNegativeInteger(value: number, name: string) {
  if (!Number.isSafeInteger(value) || value < 0) {
    invalid(`${name} must be a non-negative whole number, got ${value}`)
  }
}

export function stoneValue(stones: StoneLine[]): number {
  return stones.reduce((sum, stone) => {
    nonNegativeInteger(stone.weight_mct, "stone weight")
    if (stone.fixed_price_paise !== undefined) {
      nonNegativeInteger(stone.fixed_price_paise, "stone fixed price")
      return sum + stone.fixed_price_paise
    }
    nonNegativeInteger(stone.price_per_carat_paise, "stone price per carat")
    return sum + mulDivHalfUp(stone.weight_mct, stone.price_per_carat_paise, 1000)
  }, 0)
}

function gstRateOf(hsn: string): number {
  const gstRate = GST_RATES[hsn]
  if (gstRate === undefined) {
    invalid(`Unknown HSN code ${hsn}; known: ${Object.keys(GST_RATES).join(", ")}`)
  }
  return gstRate
}

export type GstSplit = Pick<PriceBreakdown, "hsn" | "gst_rate" | "supply" | "cgst" | "sgst" | "igst" | "gst_total">

/**
 * GST on a taxable value: CGST + SGST (half the rate each, each rounded half
 * up to the paisa) when the place of supply is the branch's state, else IGST.
 * Also used for what is not a piece but is billed with one (delivery charges
 * take the rate of the jewellery they deliver).
 */
export function gstOn(taxablePaise: number, hsn: string, branchStateCode: string, supplyStateCode: string): GstSplit {
  return gstAtRate(taxablePaise, hsn, gstRateOf(hsn), branchStateCode, supplyStateCode)
}

/** GST as gstOn, at a rate given with its code: a service's (SAC) rather than a good's from GST_RATES. */
export function gstAtRate(taxablePaise: number, code: string, gstRate: number, branchStateCode: string, supplyStateCode: string): GstSplit {
  nonNegativeInteger(taxablePaise, "taxable value")
  const intra = branchStateCode === supplyStateCode
  const half = mulDivHalfUp(taxablePaise, gstRate, 200_000)
  const cgst = intra ? half : 0
  const sgst = intra ? half : 0
  const igst = intra ? 0 : mulDivHalfUp(taxablePaise, gstRate, 100_000)
  return { hsn: code, gst_rate: gstRate, supply: intra ? "intra_state" : "inter_state", cgst, sgst, igst, gst_total: cgst + sgst + igst }
}

/** An invoice total rounded half up to the rupee (50 paise and more round up). */
export function roundToRupee(paise: number): number {
  nonNegativeInteger(paise, "total")
  return mulDivHalfUp(paise, 1, 100) * 100
}

export function priceJewelry(input: PricingInput): PriceBreakdown {
  const hsn = input.hsn ?? "7113"
  gstRateOf(hsn)
  nonNegativeInteger(input.rate_per_g_paise, "rate per gram")
  nonNegativeInteger(input.net_weight_mg, "net weight")
  const wastageBp = input.wastage_bp ?? 0
  nonNegativeInteger(wastageBp, "wastage")
  const other = input.other_charges_paise ?? 0
  nonNegativeInteger(other, "other charges")
  const discount = input.discount_paise ?? 0
  nonNegativeInteger(discount, "discount")

  const metal = mulDivHalfUp(input.net_weight_mg, input.rate_per_g_paise, 1000)
  const wastage = mulDivHalfUp(metal, wastageBp, 10_000)
  let making: number
  switch (input.making.type) {
    case "per_gram":
      nonNegativeInteger(input.making.amount_paise, "making charge per gram")
      making = mulDivHalfUp(input.net_weight_mg, input.making.amount_paise, 1000)
      break
    case "percent":
      nonNegativeInteger(input.making.basis_points, "making charge percentage")
      making = mulDivHalfUp(metal, input.making.basis_points, 10_000)
      break
    case "flat":
      nonNegativeInteger(input.making.amount_paise, "making charge")
      making = input.making.amount_paise
      break
    default:
      invalid(`Unknown making charge type ${(input.making as { type: string }).type}`)
  }
  const stones = stoneValue(input.stones ?? [])
  const gross = metal + wastage + making + stones + other
  if (discount > gross) {
    invalid(`The discount (${discount} paise) is larger than the value of the piece (${gross} paise)`)
  }
  const taxable = gross - discount

  const gst = gstOn(taxable, hsn, input.branch_state_code, input.supply_state_code)
  const total = taxable + gst.gst_total
  const invoiceTotal = roundToRupee(total)

  return {
    rate_per_g: input.rate_per_g_paise,
    net_weight_mg: input.net_weight_mg,
    metal_value: metal,
    wastage_value: wastage,
    making_charge: making,
    stone_value: stones,
    other_charges: other,
    discount,
    taxable_value: taxable,
    ...gst,
    total,
    invoice_total: invoiceTotal,
    round_off: invoiceTotal - total,
  }
}

/** A piece as the jewelry module stores it (integers: mg, paise, basis points). */
export type StoredPiece = {
  net_weight_mg: number
  wastage_bp: number
  making_type: "per_gram" | "percent" | "flat"
  making_value: number
  stones: StoneLine[] | null
  other_charges_paise: number
  hsn: string
}

/** Prices a stored piece at a rate, for a branch and place of supply (less a discount, e.g. an offer on the invoice). */
export function priceStoredPiece(
  piece: StoredPiece,
  ratePerGramPaise: number,
  branchStateCode: string,
  supplyStateCode: string,
  discountPaise = 0
): PriceBreakdown {
  return priceJewelry({
    rate_per_g_paise: ratePerGramPaise,
    net_weight_mg: piece.net_weight_mg,
    wastage_bp: piece.wastage_bp,
    making:
      piece.making_type === "percent"
        ? { type: "percent", basis_points: piece.making_value }
        : { type: piece.making_type, amount_paise: piece.making_value },
    stones: piece.stones ?? [],
    other_charges_paise: piece.other_charges_paise,
    discount_paise: discountPaise,
    hsn: piece.hsn,
    branch_state_code: branchStateCode,
    supply_state_code: supplyStateCode,
  })
}

export type PublishedRate = {
  metal: Metal
  purity: number
  rate_per_g_paise: number
  /** Null for a shop-wide rate. */
  branch_id: string | null
}

export type ResolvedRate = {
  rate_per_g_paise: number
  source: "branch" | "shop" | "derived"
  /** For a derived rate: the 999 rate it was derived from. */
  derived_from?: PublishedRate
}

/**
 * The rate for a metal and purity at a branch: the branch's own published
 * rate, else the shop-wide one, else (when `derive` is on) the metal's 999
 * rate × fineness / 999, rounded half up to the paisa.
 */
/** A published rate with when it took effect and when it was entered (two published for one instant: the later entry wins). */
export type DatedRate = PublishedRate & { effective_from: Date; created_at: Date }

/**
 * The rates in force at `at` out of a stretch of rate history: for each
 * metal, purity and branch (or shop-wide), the row with the latest
 * effective time not after `at` — what the rate board showed then.
 */
export function ratesInForceAt<T extends DatedRate>(history: T[], at: Date): T[] {
  const latest = new Map<string, T>()
  for (const rate of history) {
    if (rate.effective_from.getTime() > at.getTime()) {
      continue
    }
    const key = `${rate.metal}:${rate.purity}:${rate.branch_id ?? ""}`
    const held = latest.get(key)
    const later =
      !held ||
      rate.effective_from.getTime() > held.effective_from.getTime() ||
      (rate.effective_from.getTime() === held.effective_from.getTime() && rate.created_at.getTime() > held.created_at.getTime())
    if (later) {
      latest.set(key, rate)
    }
  }
  return [...latest.values()]
}

export function resolveMetalRate(
  rates: PublishedRate[],
  { metal, purity, branch_id, derive = true }: { metal: Metal; purity: number; branch_id?: string | null; derive?: boolean }
): ResolvedRate | undefined {
  const find = (p: number) =>
    (branch_id ? rates.find((r) => r.metal === metal && r.purity === p && r.branch_id === branch_id) : undefined) ??
    rates.find((r) => r.metal === metal && r.purity === p && r.branch_id === null)
  const direct = find(purity)
  if (direct) {
    return { rate_per_g_paise: direct.rate_per_g_paise, source: direct.branch_id ? "branch" : "shop" }
  }
  if (!derive || purity >= 999) {
    return undefined
  }
  const base = find(999)
  if (!base) {
    return undefined
  }
  return {
    rate_per_g_paise: mulDivHalfUp(base.rate_per_g_paise, purity, 999),
    source: "derived",
    derived_from: base,
  }
}
