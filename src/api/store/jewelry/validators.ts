import { z } from "@medusajs/framework/zod"

export const PriceBreakdownQuery = z
  .object({
    /** Two-digit GST state code of the place of supply; defaults to the catalogue's (a counter sale). */
    state_code: z.string().regex(/^\d{2}$/, "state_code is the two-digit GST state code, e.g. 29").optional(),
  })
  .strict()

export type PriceBreakdownQueryType = z.infer<typeof PriceBreakdownQuery>
