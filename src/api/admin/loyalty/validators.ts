import { z } from "@medusajs/framework/zod"
import { findParams, IdempotencyKey } from "../../utils/validators"

export const WholePoints = z.number({ error: "points must be a number" }).int("points must be a whole number")

export const RedeemPointsBody = z
  .object({
    points: WholePoints.positive("points must be above 0").max(10_000_000),
    idempotency_key: IdempotencyKey,
    /** The bill the points pay part of, in rupees; the program's share limit applies. */
    order_total: z.number().positive().max(1e9).multipleOf(0.01).optional(),
    order_id: z.string().min(1).optional(),
    branch_id: z.string().min(1).optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .strict()

export type RedeemPointsBodyType = z.infer<typeof RedeemPointsBody>

export const AdjustPointsBody = z
  .object({
    points: WholePoints.refine((n) => n !== 0, "points must not be 0").refine((n) => Math.abs(n) <= 10_000_000, "at most 10,000,000 points at once"),
    idempotency_key: IdempotencyKey,
    reason: z.string().trim().min(3, "a reason is required").max(500),
  })
  .strict()

export type AdjustPointsBodyType = z.infer<typeof AdjustPointsBody>

export const LedgerQuery = findParams({ limit: 50, maxLimit: 200 })
  .extend({
    customer_id: z.string().min(1).optional(),
    type: z.enum(["earn", "redeem", "expire", "adjust", "reverse", "bonus"]).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] })

export type LedgerQueryType = z.infer<typeof LedgerQuery>

const Tier = z
  .object({
    name: z.string().trim().min(1).max(30),
    min_spend: z.number().min(0).max(1e10).multipleOf(0.01),
    multiplier: z.number().min(1).max(10).multipleOf(0.0001),
  })
  .strict()

/** The program in rupees and plain numbers, as a shop owner writes it. */
export const ProgramBody = z
  .object({
    earn_basis: z.enum(["taxable_value", "making_charges"]),
    points_per_100_rupees: z.number().int().min(1).max(1000),
    point_value: z.number().min(0.01).max(1000).multipleOf(0.01),
    min_balance_to_redeem: z.number().int().min(0),
    max_redeem_share_percent: z.number().min(0.01).max(100).multipleOf(0.01),
    expiry_months: z.number().int().min(1).max(120).nullable(),
    tiers: z.array(Tier).min(1).max(10),
    welcome_bonus: z.number().int().min(0).max(1_000_000).default(0),
    birthday_bonus: z.number().int().min(0).max(1_000_000).default(0),
    anniversary_bonus: z.number().int().min(0).max(1_000_000).default(0),
  })
  .strict()

export type ProgramBodyType = z.infer<typeof ProgramBody>
