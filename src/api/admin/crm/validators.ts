import { z } from "@medusajs/framework/zod"

import { normalizePan } from "../../../lib/pan"
import { normalizePhone } from "../../../lib/phone"
import { METALS } from "../../../lib/pricing"
import { findParams, IdempotencyKey, sortParam } from "../../utils/validators"

const parsed = <T>(parse: (v: string) => T) =>
  z.string().transform((value, ctx) => {
    try {
      return parse(value)
    } catch (e) {
      ctx.addIssue({ code: "custom", message: (e as Error).message })
      return z.NEVER
    }
  })

const Phone = parsed(normalizePhone)

/** Birthdays and anniversaries are in the past, and a wedding comes after the birth. */
export function checkOccasionDates(
  body: { birthday?: Date | null; anniversary?: Date | null },
  ctx: { addIssue: (issue: { code: "custom"; path: string[]; message: string }) => void }
) {
  const today = new Date()
  if (body.birthday && body.birthday > today) {
    ctx.addIssue({ code: "custom", path: ["birthday"], message: "birthday cannot be in the future" })
  }
  if (body.anniversary && body.anniversary > today) {
    ctx.addIssue({ code: "custom", path: ["anniversary"], message: "anniversary cannot be in the future" })
  }
  if (body.birthday && body.anniversary && body.anniversary < body.birthday) {
    ctx.addIssue({ code: "custom", path: ["anniversary"], message: "anniversary cannot be before the birthday" })
  }
}

const Consent = z.enum(["granted", "revoked"])

const ShortText = z.string().trim().min(1).max(100)

/** What both staff and the customer may record: dates, sizes, preferences, consents. */
export const PreferenceFields = {
  birthday: z.coerce.date().nullable().optional(),
  anniversary: z.coerce.date().nullable().optional(),
  ring_size: z.string().trim().max(10).nullable().optional(),
  bangle_size: z.string().trim().max(10).nullable().optional(),
  preferred_metals: z.array(z.enum(METALS)).max(3).optional(),
  preferred_purities: z.array(z.string().regex(/^\d{3}$/, "purities are finenesses like 916")).max(10).optional(),
  preferred_categories: z.array(ShortText).max(20).optional(),
  budget_band: z.enum(["under_25k", "from_25k_to_1l", "from_1l_to_5l", "above_5l"]).nullable().optional(),
  /** Per channel, and `rate_alerts`: the customer asked to be told the day's metal rates. */
  consents: z
    .object({ sms: Consent.optional(), whatsapp: Consent.optional(), email: Consent.optional(), rate_alerts: Consent.optional() })
    .strict()
    .optional(),
}

export const CreateCrmCustomerBody = z
  .object({
    ...PreferenceFields,
    first_name: ShortText,
    last_name: ShortText.optional(),
    email: z.string().trim().toLowerCase().email().max(200).optional(),
    phone: Phone.optional(),
    alternate_phone: Phone.optional(),
    tags: z.array(z.string().trim().min(1).max(30)).max(30).optional(),
    home_branch_id: z.string().min(1).optional(),
    assigned_user_id: z.string().min(1).optional(),
    source: z.string().trim().max(50).optional(),
    referred_by_customer_id: z.string().min(1).optional(),
    pan: parsed(normalizePan).optional(),
    notes: z.string().max(5000).optional(),
  })
  .strict()
  .superRefine(checkOccasionDates)

export type CreateCrmCustomerBodyType = z.infer<typeof CreateCrmCustomerBody>

export const ListCrmCustomersQuery = findParams({ limit: 20, maxLimit: 100 })
  .extend({
    q: z.string().trim().min(1).max(100).optional(),
    order: sortParam(["created_at", "first_name", "last_name", "email"], "-created_at"),
  })
  .strict()

export type ListCrmCustomersQueryType = z.infer<typeof ListCrmCustomersQuery>

export const LogInteractionBody = z
  .object({
    channel: z.enum(["walk_in", "call", "whatsapp", "sms", "email", "video", "home_visit"]),
    kind: z.enum(["enquiry", "purchase", "complaint", "repair", "follow_up", "feedback"]),
    summary: z.string().trim().min(1).max(2000),
    branch_id: z.string().min(1).optional(),
    products_of_interest: z.array(z.string().min(1)).max(50).optional(),
    outcome: z.string().trim().max(2000).optional(),
    follow_up_at: z.coerce.date().optional(),
    occurred_at: z.coerce.date().optional(),
    /** A retry with the key answers the interaction it logged and logs nothing. */
    idempotency_key: IdempotencyKey.optional(),
  })
  .strict()

export type LogInteractionBodyType = z.infer<typeof LogInteractionBody>

export const ListInteractionsQuery = findParams({ limit: 20, maxLimit: 100 })
  .extend({
    order: sortParam(["occurred_at", "created_at"], "-occurred_at"),
  })
  .strict()

export type ListInteractionsQueryType = z.infer<typeof ListInteractionsQuery>

export const ListTasksQuery = findParams({ limit: 20, maxLimit: 100 })
  .extend({
    assignee: z.string().min(1).optional(),
    status: z.enum(["open", "done", "cancelled"]).optional(),
    due_before: z.coerce.date().optional(),
    customer_id: z.string().min(1).optional(),
    order: sortParam(["due_at", "created_at"], "due_at"),
  })
  .strict()

export type ListTasksQueryType = z.infer<typeof ListTasksQuery>

export const CompleteTaskBody = z
  .object({
    status: z.enum(["done", "cancelled"]).default("done"),
    completion_note: z.string().trim().max(2000).optional(),
  })
  .strict()

export type CompleteTaskBodyType = z.infer<typeof CompleteTaskBody>

/** `?sections=loyalty,likely_to_buy`: only those sections of the 360 (none when empty); every one when absent. */
export const Customer360Query = z
  .object({
    sections: z
      .string()
      .max(500)
      .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
      .optional(),
  })
  .strict()
export type Customer360QueryType = z.infer<typeof Customer360Query>

export const UpcomingQuery = z.object({ days: z.coerce.number().int().min(0).max(60).default(7) }).strict()

export type UpcomingQueryType = z.infer<typeof UpcomingQuery>

export const DuplicatesQuery = findParams({ limit: 20, maxLimit: 100 })
  .extend({
    by: z.enum(["phone", "email", "name_birthday"]).optional(),
  })
  .strict()

export type DuplicatesQueryType = z.infer<typeof DuplicatesQuery>

export const MergeCustomersBody = z
  .object({
    survivor_id: z.string().trim().min(1),
    merged_ids: z.array(z.string().trim().min(1)).min(1).max(10),
    reason: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((b) => !b.merged_ids.includes(b.survivor_id), {
    message: "A customer cannot be merged into itself",
    path: ["merged_ids"],
  })

export type MergeCustomersBodyType = z.infer<typeof MergeCustomersBody>

export const ListMergesQuery = findParams({ limit: 20, maxLimit: 100 })
  .extend({
    customer_id: z.string().min(1).optional(),
    order: sortParam(["due_at", "created_at"], "due_at"),
  })
  .strict()

export type ListMergesQueryType = z.infer<typeof ListMergesQuery>
