import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { METALS } from "../../../lib/pricing"
import { OLD_GOLD_MOVEMENT_KINDS, PURITY_TESTS, STOCK_MOVEMENT_KINDS } from "../../../lib/old-gold"

const mg = (field: string) => z.number({ error: `${field} is a whole number of milligrams` }).int(`${field} must be a whole number of milligrams`)

export const OldArticleBody = z
  .object({
    metal: z.enum(METALS),
    description: z.string().trim().min(1, "describe the article (e.g. chain, broken clasp)").max(200),
    gross_weight_mg: mg("gross_weight_mg").min(1).max(10_000_000),
    deduction_weight_mg: mg("deduction_weight_mg").min(0).max(10_000_000).default(0),
    tested_purity: z.number().int("tested_purity is parts per thousand, e.g. 916").min(1).max(999),
    purity_test: z.enum(PURITY_TESTS),
    melting_loss_bps: z.number().int().min(0).max(10_000).optional(),
  })
  .strict()

export const OldGoldValuationBody = z
  .object({
    branch_id: z.string().min(1),
    articles: z.array(OldArticleBody).min(1, "give at least one article").max(50),
  })
  .strict()
export type OldGoldValuationBodyType = z.infer<typeof OldGoldValuationBody>

const paise = (field: string) => z.number().int(`${field} must be a whole number of paise`).min(0).max(100_000_000_000).default(0)

export const OldGoldVoucherBody = z
  .object({
    idempotency_key: z.string().trim().min(8, "idempotency_key: at least 8 characters, new for each purchase").max(100),
    branch_id: z.string().min(1),
    customer_id: z.string().min(1),
    kind: z.enum(["exchange", "purchase"]),
    articles: z.array(OldArticleBody).min(1, "give at least one article").max(50),
    cash_paise: paise("cash_paise"),
    bank_paise: paise("bank_paise"),
    sale_credit_paise: paise("sale_credit_paise"),
    bank_reference: z.string().trim().max(64).optional(),
    pan: z.string().trim().max(20).optional(),
    form_60: z.literal(true).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((b) => !(b.pan && b.form_60), { message: "give a PAN or a Form 60, not both", path: ["form_60"] })
export type OldGoldVoucherBodyType = z.infer<typeof OldGoldVoucherBody>

export const OldGoldVouchersQuery = createFindParams({ limit: 20, offset: 0 })
  .extend({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    branch_id: z.string().min(1).optional(),
    customer_id: z.string().min(1).optional(),
  })
  .strict()
export type OldGoldVouchersQueryType = z.infer<typeof OldGoldVouchersQuery>

export const BuyingRatesQuery = z.object({ branch_id: z.string().min(1).optional() }).strict()
export type BuyingRatesQueryType = z.infer<typeof BuyingRatesQuery>

export const BuyingRatesBody = z
  .object({
    branch_id: z.string().min(1).nullable().default(null),
    rates: z
      .array(
        z
          .object({
            metal: z.enum(METALS),
            purity: z.number().int().min(1).max(999),
            rate_per_g_paise: z.number().int("rate_per_g_paise must be a whole number of paise").min(1).max(100_000_000),
          })
          .strict()
      )
      .min(1)
      .max(30),
  })
  .strict()
export type BuyingRatesBodyType = z.infer<typeof BuyingRatesBody>

export const OldGoldStockQuery = z.object({ branch_id: z.string().min(1).optional() }).strict()
export type OldGoldStockQueryType = z.infer<typeof OldGoldStockQuery>

export const OldGoldMovementBody = z
  .object({
    idempotency_key: z.string().trim().min(8, "idempotency_key: at least 8 characters, new for each movement").max(100),
    branch_id: z.string().min(1),
    metal: z.enum(METALS),
    kind: z.enum(STOCK_MOVEMENT_KINDS),
    fine_mg: mg("fine_mg").min(-10_000_000_000).max(10_000_000_000),
    reference: z.string().trim().max(100).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
export type OldGoldMovementBodyType = z.infer<typeof OldGoldMovementBody>

export const OldGoldMovementsQuery = createFindParams({ limit: 50, offset: 0 })
  .extend({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    branch_id: z.string().min(1).optional(),
    metal: z.enum(METALS).optional(),
    kind: z.enum(OLD_GOLD_MOVEMENT_KINDS).optional(),
  })
  .strict()
export type OldGoldMovementsQueryType = z.infer<typeof OldGoldMovementsQuery>
