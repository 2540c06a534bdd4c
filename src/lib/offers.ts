/**
 * Personalized offers (docs/architecture.md, "Segments and offers") as pure
 * rules: what an offer gives on a cart, how it reads in a message, whether a
 * campaign's terms hold together, how codes look, and the audience and
 * occasion of the automatic campaigns. Money is paise and percentages basis
 * points, as integers.
 */
import { randomBytes } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { formatInr, mulDivHalfUp } from "./money"
import type { CalendarDay } from "./occasions"
import type { SegmentRule } from "./segments"

export type OfferType = "percentage" | "fixed" | "making_percentage"
export type CampaignKind = "manual" | "birthday" | "anniversary" | "winback" | "tier_upgrade"
export const AUTOMATIC_KINDS = ["birthday", "anniversary", "winback", "tier_upgrade"] as const
export type AutomaticKind = (typeof AUTOMATIC_KINDS)[number]

export type OfferTerms = {
  offer_type: OfferType
  /** Basis points for the percentage types, paise for fixed. */
  offer_value: number
  max_discount?: number | null
  min_order?: number | null
}

/** What a cart holds, as an offer sees it: goods before GST, and the making charges inside them. */
export type CartValue = { goods_paise: number; making_paise: number }

/**
 * The discount an offer gives on a cart: a percentage of the goods (before
 * GST) or of their making charges only, or a fixed amount — never more than
 * the offer's cap or the goods themselves, and nothing below the minimum order.
 */
export function offerDiscountPaise(terms: OfferTerms, cart: CartValue): number {
  if (cart.goods_paise <= 0 || (terms.min_order && cart.goods_paise < terms.min_order)) {
    return 0
  }
  let discount: number
  switch (terms.offer_type) {
    case "percentage":
      discount = mulDivHalfUp(cart.goods_paise, terms.offer_value, 10_000)
      break
    case "making_percentage":
      discount = mulDivHalfUp(cart.making_paise, terms.offer_value, 10_000)
      break
    case "fixed":
      discount = terms.offer_value
      break
  }
  if (terms.max_discount != null) {
    discount = Math.min(discount, terms.max_discount)
  }
  return Math.min(discount, cart.goods_paise)
}

/**
 * Offers whose value depends on the cart beyond what a Medusa promotion can
 * express (a share of the making charges, a capped percentage): their
 * promotion is a fixed amount kept equal to offerDiscountPaise as the cart changes.
 */
export function isCartDependent(terms: OfferTerms): boolean {
  return terms.offer_type === "making_percentage" || (terms.offer_type === "percentage" && terms.max_discount != null)
}

const percent = (bp: number) => `${(bp / 100).toFixed(2).replace(/\.?0+$/, "")}%`
const rupees = (paise: number) => formatInr(paise).replace(/\.00$/, "")

/** How the offer reads to a customer: "10% off (up to ₹5,000) on ₹20,000 or more". */
export function describeOffer(terms: OfferTerms): string {
  const what =
    terms.offer_type === "fixed"
      ? `${rupees(terms.offer_value)} off`
      : terms.offer_type === "percentage"
        ? `${percent(terms.offer_value)} off`
        : `${percent(terms.offer_value)} off making charges`
  const cap = terms.max_discount != null && terms.offer_type !== "fixed" ? ` (up to ${rupees(terms.max_discount)})` : ""
  const min = terms.min_order ? ` on ${rupees(terms.min_order)} or more` : ""
  return `${what}${cap}${min}`
}

export type CampaignTermsInput = OfferTerms & {
  budget?: number | null
  starts_at?: Date | null
  ends_at?: Date | null
  kind?: CampaignKind
  valid_days?: number | null
}

/**
 * What is wrong with a campaign's terms, in words: a percentage over 100, a
 * discount larger than its own cap or than the whole budget, an end before
 * the start or in the past, an automatic campaign without a validity.
 */
export function campaignTermsProblems(input: CampaignTermsInput, now: Date = new Date()): string[] {
  const problems: string[] = []
  const { offer_type, offer_value, max_discount, budget } = input
  if (!Number.isSafeInteger(offer_value) || offer_value <= 0) {
    problems.push("offer_value: the discount must be above zero")
  } else if (offer_type !== "fixed" && offer_value > 10_000) {
    problems.push("offer_value: a percentage cannot exceed 100%")
  }
  if (offer_type === "fixed" && max_discount != null && offer_value > max_discount) {
    problems.push(`offer_value: the discount (${rupees(offer_value)}) exceeds its cap (${rupees(max_discount)})`)
  }
  if (budget != null) {
    const largest = offer_type === "fixed" ? offer_value : max_discount
    if (largest != null && largest > budget) {
      problems.push(`budget: one offer may give ${rupees(largest)}, more than the whole budget of ${rupees(budget)}`)
    }
  }
  if (input.starts_at && input.ends_at && input.ends_at <= input.starts_at) {
    problems.push("ends_at: the campaign must end after it starts")
  }
  if (input.ends_at && input.ends_at <= now) {
    problems.push("ends_at: the end date has already passed")
  }
  if (input.kind && input.kind !== "manual" && !input.valid_days) {
    problems.push("valid_days: an automatic campaign needs the number of days each offer stays valid")
  }
  return problems
}

const CODE_PREFIX: Record<CampaignKind, string> = {
  manual: "OFFER",
  birthday: "BDAY",
  anniversary: "ANNIV",
  winback: "MISSU",
  tier_upgrade: "TIER",
}

/** Crockford's base 32: no I, L, O or U, so a code read out over the phone cannot be misheard as another. */
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/**
 * An unguessable code (60 random bits: 12 characters of 5 bits, each from
 * one random byte, since 256 is a multiple of 32), grouped in fours for
 * reading out: "BDAY-7F3A-9C24-D0E6".
 */
export function newOfferCode(kind: CampaignKind, random: Buffer = randomBytes(12)): string {
  let digits = ""
  for (let i = 0; i < 12; i++) {
    digits += CODE_ALPHABET[random[i] & 31]
  }
  return `${CODE_PREFIX[kind]}-${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}`
}

export type AutomaticSettings = { days_ahead?: number; lapsed_days?: number }

/** The audience an automatic campaign looks at each day; tier upgrades are issued as they happen. */
export function automaticAudience(kind: AutomaticKind, settings: AutomaticSettings): SegmentRule | null {
  switch (kind) {
    case "birthday":
    case "anniversary":
      return { field: kind, op: "within_days", value: settings.days_ahead ?? 7 }
    case "winback":
      return {
        all: [
          { field: "order_count", op: "gte", value: 1 },
          { field: "last_purchase", op: "older_than_days", value: settings.lapsed_days ?? 180 },
        ],
      }
    case "tier_upgrade":
      return null
  }
}

/**
 * What one customer's offer is for, as SQL over the customer facts, so an
 * offer is issued once per birthday (the year it falls in), once per lapse
 * (the date of the last purchase) or once per manual campaign.
 */
export function occasionSql(kind: CampaignKind, today: CalendarDay): { sql: string; bindings: (string | number)[] } {
  const md = `${String(today.month).padStart(2, "0")}${String(today.day).padStart(2, "0")}`
  switch (kind) {
    case "birthday":
    case "anniversary":
      return {
        sql: `'${kind}:' || case when ${kind}_md >= ? then ? else ? end`,
        bindings: [md, String(today.year), String(today.year + 1)],
      }
    case "winback":
      return { sql: `'winback:' || to_char(last_order_at at time zone 'Asia/Kolkata', 'YYYY-MM-DD')`, bindings: [] }
    case "manual":
    case "tier_upgrade":
      return { sql: "'once'", bindings: [] }
  }
}

/** The occasion of a tier-upgrade offer: once per tier reached. */
export const tierOccasion = (tier: string) => `tier:${tier.toLowerCase()}`

/** When an offer stops being valid: the campaign's end, or its validity from the day it is issued. */
export function offerExpiry(campaign: { kind: CampaignKind; ends_at?: Date | null; valid_days?: number | null }, issuedAt: Date): Date | null {
  if (campaign.kind !== "manual" && campaign.valid_days) {
    return new Date(issuedAt.getTime() + campaign.valid_days * 86_400_000)
  }
  return campaign.ends_at ?? null
}

export type PromotionMode = "on_first_use" | "on_issue"

/**
 * When offers become Medusa promotions (OFFERS_PROMOTIONS): `on_first_use`
 * (the default) when a code is first applied to a cart, so a campaign to
 * 100 000 customers adds promotions only for the codes used; `on_issue`
 * as each batch is issued.
 */
export function promotionMode(env: NodeJS.ProcessEnv = process.env): PromotionMode {
  const mode = env.OFFERS_PROMOTIONS ?? "on_first_use"
  if (mode !== "on_first_use" && mode !== "on_issue") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `OFFERS_PROMOTIONS must be on_first_use or on_issue, got "${mode}"`)
  }
  return mode
}

/** The terms of a campaign as its runs keep them. */
export function termsOf(campaign: OfferTerms): OfferTerms {
  return { offer_type: campaign.offer_type, offer_value: campaign.offer_value, max_discount: campaign.max_discount ?? null, min_order: campaign.min_order ?? null }
}
