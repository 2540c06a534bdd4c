import { z } from "@medusajs/framework/zod"
import { POS_TENDERS, type PosTender } from "../../../lib/pos"
import { findParams, IdempotencyKey, Rupees } from "../../utils/validators"

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
      .array(z.object({ tag_code: z.string().trim().min(1).max(40), quantity: z.number().int().min(1).max(100).default(1) }).strict())
      .min(1, "a sale needs at least one piece")
      .max(50),
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

export const PosQuoteBody = PosOrderFields.pick({ branch_id: true, customer_id: true, items: true, loyalty_points: true }).strict()

export type PosQuoteBodyType = z.infer<typeof PosQuoteBody>
