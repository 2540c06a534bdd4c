import { z } from "@medusajs/framework/zod"
import { parseSegmentRule } from "../../../lib/segments"
import { findParams } from "../../utils/validators"

/** A segment rule in a request body: checked with messages that say where the problem is. */
export const SegmentRuleField = z.unknown().superRefine((value, ctx) => {
  for (const problem of parseSegmentRule(value).problems) {
    ctx.addIssue({ code: "custom", message: `Invalid segment rule: ${problem}` })
  }
})

const Rupees = z.number().positive().max(20_000_000, "at most ₹2,00,00,000").multipleOf(0.01, "amounts take at most 2 decimals")

const Name = z.string().trim().min(1).max(120)

const Id = z.string().trim().min(1).max(100)

/** The lists' paging: 20 a page by default, at most 200. */
const Page = findParams({ limit: 20, maxLimit: 200, maxOffset: 10_000_000 })

export const CreateSegmentBody = z
  .object({ name: Name, description: z.string().trim().max(1000).nullish(), rules: SegmentRuleField })
  .strict()

export type CreateSegmentBodyType = z.infer<typeof CreateSegmentBody>

export const ListSegmentsQuery = Page.extend({ q: z.string().trim().max(100).optional() }).strict()

export type ListSegmentsQueryType = z.infer<typeof ListSegmentsQuery>

/** The discount as staff write it: a percentage (of the goods, or of their making charges only) or rupees off. */
const Offer = z.discriminatedUnion("type", [
  z.object({ type: z.literal("percentage"), value: z.number().positive().max(100, "a percentage cannot exceed 100").multipleOf(0.01), max_discount: Rupees.optional() }).strict(),
  z
    .object({ type: z.literal("making_percentage"), value: z.number().positive().max(100, "a percentage cannot exceed 100").multipleOf(0.01), max_discount: Rupees.optional() })
    .strict(),
  z.object({ type: z.literal("fixed"), value: Rupees, max_discount: Rupees.optional() }).strict(),
])

const Terms = {
  offer: Offer,
  min_order: Rupees.nullish(),
  budget: Rupees.nullish(),
  channel: z.enum(["auto", "sms", "whatsapp", "none"]).default("auto"),
  message: z.string().trim().min(1).max(1000).nullish(),
}

export const CreateCampaignBody = z
  .object({
    name: Name,
    segment_id: Id.optional(),
    rules: SegmentRuleField.optional(),
    ...Terms,
    starts_at: z.coerce.date().optional(),
    ends_at: z.coerce.date().optional(),
    branch_id: Id.nullish(),
    run_at: z.coerce.date().optional(),
  })
  .strict()
  .refine((b) => (b.rules === undefined) !== (b.segment_id === undefined), { message: "Give the audience as rules or a segment_id (one of them)", path: ["rules"] })

export type CreateCampaignBodyType = z.infer<typeof CreateCampaignBody>

/** What may change: a draft campaign's terms, or an automatic campaign's terms, settings and switch. */
export const UpdateCampaignBody = z
  .object({
    name: Name.optional(),
    offer: Offer.optional(),
    min_order: Rupees.nullish(),
    budget: Rupees.nullish(),
    channel: z.enum(["auto", "sms", "whatsapp", "none"]).optional(),
    message: z.string().trim().min(1).max(1000).nullish(),
    enabled: z.boolean().optional(),
    valid_days: z.number().int().min(1).max(365).optional(),
    days_ahead: z.number().int().min(0).max(60).optional(),
    lapsed_days: z.number().int().min(30).max(3650).optional(),
  })
  .strict()

export type UpdateCampaignBodyType = z.infer<typeof UpdateCampaignBody>

export const ListCampaignsQuery = Page
  .extend({
    kind: z.enum(["manual", "birthday", "anniversary", "winback", "tier_upgrade"]).optional(),
    status: z.enum(["draft", "scheduled", "running", "finished", "cancelled"]).optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict()

export type ListCampaignsQueryType = z.infer<typeof ListCampaignsQuery>

export const ListOffersQuery = Page
  .extend({ status: z.enum(["pending", "issued", "sent", "redeemed", "expired", "cancelled"]).optional(), customer_id: Id.optional() })
  .strict()

export type ListOffersQueryType = z.infer<typeof ListOffersQuery>

export const SegmentPreviewBody = z
  .object({
    rules: SegmentRuleField.optional(),
    segment_id: z.string().min(1).max(100).optional(),
    limit: z.number().int().min(1).max(100).default(20),
    offset: z.number().int().min(0).max(1_000_000).default(0),
  })
  .strict()
  .refine((b) => (b.rules === undefined) !== (b.segment_id === undefined), { message: "Give either rules or segment_id" })

export type SegmentPreviewBodyType = z.infer<typeof SegmentPreviewBody>
