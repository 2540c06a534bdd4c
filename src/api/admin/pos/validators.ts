import { z } from "@medusajs/framework/zod"
import { POS_TENDERS, type PosTender } from "../../../lib/pos"
import { findParams, IdempotencyKey, Rupees } from "../../utils/validators"
import { OldArticleBody } from "../old-gold/validators"
import { METALS } from "../../../lib/pricing"
import { RATE_CHANGE_RIGHTS } from "../../../lib/price-controls"

/** A metal rate the bill carries for its pieces of one metal and purity (₹ a gram), within the seller's rights. */
const BillRateBody = z
  .object({
    metal: z.enum(METALS),
    purity: z.number().int().min(1).max(999),
    rate_per_g: Rupees.refine((paise) => paise > 0, "rates: a rate must be above ₹0 a gram"),
  })
  .strict()
  .transform((r) => ({ metal: r.metal, purity: r.purity, rate_per_g_paise: r.rate_per_g }))

const Tender = z
  .object({
    kind: z
      .string()
      .refine((k): k is PosTender => (POS_TENDERS as readonly string[]).includes(k), { message: `a tender's kind is one of ${POS_TENDERS.join(", ")}` })
      .transform((k) => k as PosTender),
    amount: Rupees.refine((paise) => paise > 0, "a tender's amount must be above ₹0"),
    /** Card approval code or last four digits, UPI reference, old-gold voucher number. */
    reference: z.string().trim().min(1).max(100).optional(),
  })
  .strict()

const PosOrderFields = z
  .object({
    idempotency_key: IdempotencyKey,
    branch_id: z.string().trim().min(1),
    customer_id: z.string().trim().min(1),
    items: z
      .array(
        z
          .object({
            tag_code: z.string().trim().min(1).max(40),
            quantity: z.number().int().min(1).max(100).default(1),
            /** ₹ off the piece's making charge (before GST), within the seller's limits or a manager's approval. */
            making_discount: Rupees.optional(),
          })
          .strict()
      )
      .min(1, "a sale needs at least one piece")
      .max(50),
    /** ₹ off the bill as a whole (before GST). */
    bill_discount: Rupees.optional(),
    /** Metal rates of the bill's own (raised only, for sales staff; docs/counter.md "Discounts and approvals"). */
    rates: z.array(BillRateBody).max(10).optional(),
    approval_id: z.string().trim().min(1).max(100).optional(),
    estimate_id: z.string().trim().min(1).max(100).optional(),
    /** An approval memo the bill sells pieces of (docs/counter.md, "Approval memos"). */
    memo_id: z.string().trim().min(1).max(100).optional(),
    loyalty_points: z.number().int("loyalty_points must be a whole number").min(0).max(10_000_000).default(0),
    tenders: z.array(Tender).min(1, "give at least one tender").max(10),
    link_channel: z.enum(["sms", "whatsapp"]).optional(),
    /** For a bill of ₹2 lakh or more when the customer's profile holds no PAN (docs/counter.md). */
    pan: z.string().trim().max(20).optional(),
    form_60: z.literal(true).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict()

export const PosOrderBody = PosOrderFields.refine((b) => !(b.pan && b.form_60), { message: "give a PAN or a Form 60, not both", path: ["form_60"] })

export type PosOrderBodyType = z.infer<typeof PosOrderBody>

export const PosOrdersQuery = findParams({ limit: 20, maxLimit: 100 })
  .extend({
    branch_id: z.string().min(1).optional(),
    customer_id: z.string().min(1).optional(),
  })
  .strict()

export type PosOrdersQueryType = z.infer<typeof PosOrdersQuery>

export const PosQuoteBody = PosOrderFields.pick({ branch_id: true, customer_id: true, items: true, loyalty_points: true, bill_discount: true, rates: true, memo_id: true })
  .extend({
    /** Savings-scheme cards the bill will be paid with: a matured card's making-charge waiver shows on the quote. */
    scheme_cards: z.array(z.string().trim().min(1).max(40)).max(5).optional(),
  })
  .strict()

export const PosApprovalBody = PosOrderFields.pick({ branch_id: true, customer_id: true, items: true, bill_discount: true, rates: true })
  .extend({ reason: z.string().trim().min(3, "reason: say why the customer gets this discount").max(500) })
  .strict()
export type PosApprovalBodyType = z.infer<typeof PosApprovalBody>

export const PosApprovalDecisionBody = z.object({ note: z.string().trim().max(500).optional() }).strict()
export type PosApprovalDecisionBodyType = z.infer<typeof PosApprovalDecisionBody>

export const PosApprovalsQuery = findParams({ limit: 20, maxLimit: 100 })
  .extend({ branch_id: z.string().min(1).optional(), status: z.enum(["pending", "approved", "rejected", "used"]).optional() })
  .strict()
export type PosApprovalsQueryType = z.infer<typeof PosApprovalsQuery>

const Limit = (field: string) => z.number().int(`${field} must be a whole number`).min(0).nullable()
export const PriceLimitsBody = z
  .object({
    limits: z
      .array(
        z
          .object({
            role: z.enum(["branch_manager", "sales_staff"]),
            making_discount_bps: Limit("making_discount_bps").refine((v) => v === null || v <= 10_000, "making_discount_bps: at most 10000 (100 %)"),
            making_discount_paise: Limit("making_discount_paise"),
            bill_discount_paise: Limit("bill_discount_paise"),
            /** none, raise (above the rate the pieces are priced at) or any; left out: the role's default. */
            rate_change: z.enum(RATE_CHANGE_RIGHTS).optional(),
          })
          .strict()
      )
      .min(1)
      .max(2),
  })
  .strict()
export type PriceLimitsBodyType = z.infer<typeof PriceLimitsBody>

export type PosQuoteBodyType = z.infer<typeof PosQuoteBody>

export const PosEstimateBody = PosOrderFields.pick({ branch_id: true, customer_id: true, items: true, bill_discount: true, rates: true })
  .extend({ old_gold: z.array(OldArticleBody).max(20).default([]) })
  .strict()
export type PosEstimateBodyType = z.infer<typeof PosEstimateBody>

export const PosEstimatesQuery = findParams({ limit: 20, maxLimit: 100 })
  .extend({ branch_id: z.string().min(1).optional(), customer_id: z.string().min(1).optional() })
  .strict()
export type PosEstimatesQueryType = z.infer<typeof PosEstimatesQuery>

export const PosEstimatePdfQuery = z.object({ format: z.enum(["a4", "thermal"]).default("a4") }).strict()
export type PosEstimatePdfQueryType = z.infer<typeof PosEstimatePdfQuery>
