import { z } from "@medusajs/framework/zod"
import { rupeesToPaise } from "../../lib/money"
import { KARATS, METALS } from "../../lib/pricing"
import type { CurrentMetalRate } from "../../modules/jewelry/service"

/** Rupees with at most two decimals ("7245.50", 7245.5), as paise. */
const Rupees = z.union([z.string(), z.number()]).transform((value, ctx) => {
  try {
    return rupeesToPaise(value)
  } catch (e) {
    ctx.addIssue({ code: "custom", message: (e as Error).message })
    return z.NEVER
  }
})

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
  })
  .strict()

export type PostMetalRatesBodyType = z.infer<typeof PostMetalRatesBody>

const Purity = z.coerce.number().int().positive()

export const MetalRateHistoryQuery = z
  .object({
    metal: z.enum(METALS).optional(),
    purity: Purity.optional(),
    branch_id: z.string().min(1).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
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

type RateRow = Pick<CurrentMetalRate, "id" | "metal" | "purity" | "rate_per_g_paise" | "branch_id" | "effective_from" | "source">

/** A rate as the API shows it: paise for programs, rupees for people. */
export function presentRate(rate: RateRow & { set_by?: string | null; note?: string | null }) {
  return {
    id: rate.id,
    metal: rate.metal,
    purity: rate.purity,
    karat: rate.metal === "gold" ? KARATS[rate.purity] ?? null : null,
    rate_per_g: rate.rate_per_g_paise / 100,
    rate_per_g_paise: rate.rate_per_g_paise,
    branch_id: rate.branch_id,
    effective_from: rate.effective_from,
    source: rate.source,
    ...(rate.set_by !== undefined ? { set_by: rate.set_by } : {}),
    ...(rate.note !== undefined ? { note: rate.note } : {}),
  }
}
