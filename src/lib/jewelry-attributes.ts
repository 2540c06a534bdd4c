/**
 * Rules every piece's attributes obey, whoever records them (admin form, CSV
 * intake, API): HUID shape, weights that add up, a purity the metal is sold in.
 */
import { METALS, PURITIES, type Metal, type StoneLine } from "./pricing"

/** HUID: the 6-character hallmark unique ID, A–Z and 0–9. */
export function normalizeHuid(value: string): string {
  return value.trim().toUpperCase()
}

export function isValidHuid(value: string): boolean {
  return /^[A-Z0-9]{6}$/.test(value)
}

/** A tag (barcode) code: 3–40 letters, digits or dashes, starting with a letter or digit. */
export function isValidTagCode(value: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/.test(value)
}

/** 1 carat = 200 mg, so milli-carats / 5 = milligrams. */
export function stonesWeightMg(stones: Pick<StoneLine, "weight_mct">[]): number {
  return Math.round(stones.reduce((sum, s) => sum + s.weight_mct, 0) / 5)
}

export type WeightInput = {
  metal: Metal
  purity: number
  gross_weight_mg: number
  net_weight_mg: number
  stone_weight_mg: number
  stones: Pick<StoneLine, "weight_mct">[]
  huid?: string | null
  stock_unit?: StockUnit
}

/**
 * How a catalogue entry is stocked: a "piece" is one article with its own tag (stock 1 at one place, or 0),
 * "count" is goods of one kind sold by count under one tag (coins of one weight, plain silver articles).
 */
export const STOCK_UNITS = ["piece", "count"] as const
export type StockUnit = (typeof STOCK_UNITS)[number]

/** Problems with a piece's attributes, each a sentence; empty when all is well. */
export function attributeProblems(input: WeightInput): string[] {
  const problems: string[] = []
  if (!METALS.includes(input.metal)) {
    problems.push(`Unknown metal "${input.metal}"; use one of ${METALS.join(", ")}`)
  } else if (!PURITIES[input.metal].includes(input.purity)) {
    problems.push(`${input.metal} is not sold in purity ${input.purity}; use one of ${PURITIES[input.metal].join(", ")}`)
  }
  for (const [name, value] of [
    ["gross weight", input.gross_weight_mg],
    ["net weight", input.net_weight_mg],
    ["stone weight", input.stone_weight_mg],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      problems.push(`The ${name} must be zero or more grams with at most 3 decimals`)
    }
  }
  if (input.net_weight_mg > input.gross_weight_mg) {
    problems.push(
      `The net weight (${input.net_weight_mg / 1000} g) cannot exceed the gross weight (${input.gross_weight_mg / 1000} g)`
    )
  }
  const fromStones = stonesWeightMg(input.stones)
  // One milligram of slack for carats that do not convert to whole milligrams.
  if (Math.abs(fromStones - input.stone_weight_mg) > 1) {
    problems.push(
      `The stone weight (${input.stone_weight_mg / 1000} g) does not match the stones (${fromStones / 1000} g = their carats × 0.2)`
    )
  }
  if (Math.abs(input.net_weight_mg + input.stone_weight_mg - input.gross_weight_mg) > 1) {
    problems.push(
      `The gross weight (${input.gross_weight_mg / 1000} g) must equal net weight + stone weight (${(input.net_weight_mg + input.stone_weight_mg) / 1000} g)`
    )
  }
  if (input.huid !== undefined && input.huid !== null && !isValidHuid(input.huid)) {
    problems.push(`HUID "${input.huid}" must be exactly 6 characters, A–Z and 0–9`)
  }
  if (input.stock_unit === "count" && input.huid) {
    problems.push(`A HUID marks one hallmarked article, so a piece with HUID ${input.huid} is stocked as a piece, not counted`)
  }
  return problems
}

/**
 * A store product answer (`{ products }` or `{ product }`) without any
 * piece's certificate (lab, number, file): the storefront reads a piece's
 * attributes with its product, and the certificate only through its own
 * route, to whom that route allows.
 */
export function withoutCertificates<T>(body: T): T {
  const b = body as { products?: unknown[]; product?: unknown }
  for (const product of [...(Array.isArray(b?.products) ? b.products : []), ...(b?.product ? [b.product] : [])]) {
    for (const variant of ((product as { variants?: unknown[] } | null)?.variants ?? []) as { jewelry_attributes?: Record<string, unknown> | null }[]) {
      if (variant?.jewelry_attributes && "certificate" in variant.jewelry_attributes) {
        delete variant.jewelry_attributes.certificate
      }
    }
  }
  return body
}
