import { z } from "@medusajs/framework/zod"
import { METALS } from "../../../lib/pricing"
import { findParams, IdempotencyKey, Rupees } from "../../utils/validators"

export const PostMetalRatesBody = z
  .object({
    rates: z
      .array(
        z
          .object({
            metal: z.enum(METALS),
            purity: z.number().int().positive(),
            rate_per_g: Rupees,
            branch_id: z.string().min(1).nullish(),
          })
          .strict()
      )
      .min(1)
      .max(200),
    effective_from: z.coerce.date().optional(),
    source: z.string().trim().min(1).max(50).optional(),
    note: z.string().max(500).optional(),
    confirm: z.boolean().optional(),
    /** A retry with the key answers the rates that publish created and publishes nothing. */
    idempotency_key: IdempotencyKey.optional(),
  })
  .strict()

export type PostMetalRatesBodyType = z.infer<typeof PostMetalRatesBody>

const Purity = z.coerce.number().int().positive()

export const MetalRateHistoryQuery = findParams({ limit: 50, maxLimit: 500 })
  .extend({
    metal: z.enum(METALS).optional(),
    purity: Purity.optional(),
    branch_id: z.string().min(1).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] })

export type MetalRateHistoryQueryType = z.infer<typeof MetalRateHistoryQuery>

export const CurrentMetalRatesQuery = z
  .object({
    branch_id: z.string().min(1).optional(),
    at: z.coerce.date().optional(),
  })
  .strict()

export type CurrentMetalRatesQueryType = z.infer<typeof CurrentMetalRatesQuery>
