import { z } from "@medusajs/framework/zod"
import { findParams, IdempotencyKey } from "../../utils/validators"

export const ListPreferenceModelsQuery = findParams({ limit: 20, maxLimit: 100 })
export type ListPreferenceModelsQueryType = z.infer<typeof ListPreferenceModelsQuery>

export const RollbackPreferenceModelBody = z.object({ note: z.string().trim().max(500).optional() }).strict()
export type RollbackPreferenceModelBodyType = z.infer<typeof RollbackPreferenceModelBody>

export const ListNewArrivalListsQuery = findParams({ limit: 10, maxLimit: 50 })
export type ListNewArrivalListsQueryType = z.infer<typeof ListNewArrivalListsQuery>

const Instant = (name: string) =>
  z
    .string()
    .datetime({ offset: true, message: `${name} is a date and time with its offset, e.g. 2026-12-05T09:00:00+05:30` })
    .transform((s) => new Date(s))

/** A call list made now: for the pieces named, or those that came in between `since` and `until` (default now). */
export const CreateNewArrivalListBody = z
  .object({
    idempotency_key: IdempotencyKey,
    variant_ids: z.array(z.string().trim().min(1).max(100)).min(1, "variant_ids names at least one piece").max(500, "at most 500 pieces in one list").optional(),
    since: Instant("since").optional(),
    until: Instant("until").optional(),
    per_branch: z.number().int("per_branch is a whole number").min(1, "per_branch is at least 1").max(200, "per_branch is at most 200").optional(),
    min_score: z.number().min(0.05, "min_score is at least 0.05").max(1, "min_score is at most 1").optional(),
  })
  .strict()
  .refine((b) => !b.variant_ids !== !b.since, { message: "Give either variant_ids or since (the pieces that came in from then on)", path: ["since"] })
  .refine((b) => !b.until || !!b.since, { message: "until needs since", path: ["until"] })
  .refine((b) => !b.since || !b.until || b.since < b.until, { message: "since must be before until", path: ["since"] })
export type CreateNewArrivalListBodyType = z.infer<typeof CreateNewArrivalListBody>

export const LikelyBuyersQuery = z
  .object({
    limit: z.coerce.number().int("limit is a whole number").min(1, "limit is at least 1").max(100, "limit is at most 100").default(10),
  })
  .strict()
export type LikelyBuyersQueryType = z.infer<typeof LikelyBuyersQuery>
