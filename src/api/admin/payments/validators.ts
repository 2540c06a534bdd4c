import { z } from "@medusajs/framework/zod"
import { findParams, IndiaDay, Rupees } from "../../utils/validators"

export const PaymentLinkBody = z
  .object({
    order_id: z.string().trim().min(1),
    /** Part of the balance, in rupees; the whole balance when left out. */
    amount: Rupees.optional(),
    channel: z.enum(["sms", "whatsapp"]).optional(),
    expires_in_days: z.number().int().min(1).max(30).default(7),
  })
  .strict()

export type PaymentLinkBodyType = z.infer<typeof PaymentLinkBody>

export const PaymentLinksQuery = findParams({ limit: 20, maxLimit: 100 })
  .extend({
    order_id: z.string().min(1).optional(),
    status: z.enum(["created", "paid", "cancelled", "expired"]).optional(),
  })
  .strict()

export type PaymentLinksQueryType = z.infer<typeof PaymentLinksQuery>

export const ReconciliationQuery = findParams({ limit: 100, maxLimit: 500 })
  .extend({
    date: IndiaDay("date").optional(),
    branch_id: z.string().min(1).optional(),
    kind: z.enum(["captured", "refunded", "failed"]).optional(),
  })
  .strict()

export type ReconciliationQueryType = z.infer<typeof ReconciliationQuery>
