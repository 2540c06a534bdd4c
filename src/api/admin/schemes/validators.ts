import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

const whole = (field: string) => z.number({ error: `${field} is a whole number` }).int(`${field} must be a whole number`)
const paise = (field: string) => z.number({ error: `${field} is a whole number of paise` }).int(`${field} must be a whole number of paise`).min(100, `${field}: at least ₹1 (100 paise)`).max(100_000_000_00)

export const SchemeTemplateBody = z
  .object({
    code: z.string().trim().regex(/^[A-Za-z0-9-]{2,20}$/, "code: 2–20 letters, digits or dashes, e.g. GOLD11"),
    name: z.string().trim().min(1, "name the scheme as customers know it").max(100),
    description: z.string().trim().max(1000).optional(),
    kind: z.enum(["amount", "weight"]),
    purity: whole("purity").min(1).max(999).optional(),
    instalment_paise: paise("instalment_paise"),
    instalments: whole("instalments"),
    maturity_months: whole("maturity_months"),
    bonus: z.discriminatedUnion("type", [
      z.object({ type: z.literal("instalments"), count: whole("bonus.count") }).strict(),
      z.object({ type: z.literal("percent_of_paid"), bps: whole("bonus.bps") }).strict(),
      z.object({ type: z.literal("making_waiver"), bps: whole("bonus.bps") }).strict(),
      z.object({ type: z.literal("none") }).strict(),
    ]),
    grace_days: whole("grace_days").default(7),
    early_closure_after: whole("early_closure_after"),
  })
  .strict()
export type SchemeTemplateBodyType = z.infer<typeof SchemeTemplateBody>

export const SchemeTemplateUpdateBody = z.object({ active: z.boolean() }).strict()
export type SchemeTemplateUpdateBodyType = z.infer<typeof SchemeTemplateUpdateBody>

export const SchemeTemplatesQuery = z.object({ active: z.enum(["true", "false"]).optional() }).strict()
export type SchemeTemplatesQueryType = z.infer<typeof SchemeTemplatesQuery>

export const SchemeEnrolmentBody = z
  .object({
    idempotency_key: z.string().trim().min(8, "idempotency_key: at least 8 characters, new for each enrolment").max(100),
    template_id: z.string().min(1),
    branch_id: z.string().min(1),
    customer_id: z.string().min(1),
    pan: z.string().trim().max(20).optional(),
    form_60: z.literal(true).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((b) => !(b.pan && b.form_60), { message: "give a PAN or a Form 60, not both", path: ["form_60"] })
export type SchemeEnrolmentBodyType = z.infer<typeof SchemeEnrolmentBody>

export const SchemeEnrolmentsQuery = createFindParams({ limit: 20, offset: 0 })
  .extend({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    branch_id: z.string().min(1).optional(),
    customer_id: z.string().min(1).optional(),
    status: z.enum(["active", "redeemed"]).optional(),
    q: z.string().trim().min(1).max(40).optional(),
  })
  .strict()
export type SchemeEnrolmentsQueryType = z.infer<typeof SchemeEnrolmentsQuery>

export const SchemeInstalmentBody = z
  .object({
    idempotency_key: z.string().trim().min(8, "idempotency_key: at least 8 characters, new for each instalment").max(100),
    amount_paise: paise("amount_paise"),
    tender: z.enum(["cash", "card", "upi"]),
    reference: z.string().trim().max(64).optional(),
  })
  .strict()
export type SchemeInstalmentBodyType = z.infer<typeof SchemeInstalmentBody>

export const SchemePaymentLinkBody = z.object({ channel: z.enum(["sms", "whatsapp"]).optional() }).strict()
export type SchemePaymentLinkBodyType = z.infer<typeof SchemePaymentLinkBody>

export const SchemeLiabilityQuery = z.object({ branch_id: z.string().min(1).optional() }).strict()
export type SchemeLiabilityQueryType = z.infer<typeof SchemeLiabilityQuery>
