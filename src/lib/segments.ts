/**
 * Customer segments (docs/architecture.md, "Segments and offers"): a rule tree
 * of conditions joined by AND/OR groups, validated as JSON, and compiled to
 * one SQL condition over the customer facts (one narrow row per customer:
 * profile, purchase aggregates, loyalty tier, RFM scores), so a segment of
 * 100 000 customers is counted by the database, never loaded into memory.
 */
import { z } from "@medusajs/framework/zod"
import { monthDayKeys, type CalendarDay } from "./occasions"

const Rupees = z.number().nonnegative().max(1e11).multipleOf(0.01, "amounts take at most 2 decimals")
const Days = z.number().int().min(0).max(3650)
const Score = z.number().int().min(1, "RFM scores run from 1 to 5").max(5, "RFM scores run from 1 to 5")
const Text = z.string().trim().min(1).max(100)

const Condition = z.discriminatedUnion("field", [
  z.object({ field: z.literal("lifetime_value"), op: z.enum(["gte", "lte"]), value: Rupees }).strict(),
  z.object({ field: z.literal("order_count"), op: z.enum(["gte", "lte", "eq"]), value: z.number().int().min(0).max(1e6) }).strict(),
  z.object({ field: z.literal("last_purchase"), op: z.enum(["older_than_days", "within_days"]), value: Days }).strict(),
  z.object({ field: z.enum(["birthday", "anniversary"]), op: z.literal("within_days"), value: Days.max(366) }).strict(),
  z.object({ field: z.enum(["preferred_metal", "preferred_category", "tag"]), op: z.literal("includes"), value: Text }).strict(),
  z.object({ field: z.literal("home_branch"), op: z.literal("in"), value: z.array(Text).min(1).max(100) }).strict(),
  z.object({ field: z.literal("tier"), op: z.literal("in"), value: z.array(Text).min(1).max(20) }).strict(),
  z.object({ field: z.literal("consent"), op: z.literal("granted"), value: z.enum(["sms", "whatsapp", "email"]) }).strict(),
  z.object({ field: z.enum(["recency", "frequency", "monetary"]), op: z.enum(["gte", "lte", "eq"]), value: Score }).strict(),
  z
    .object({
      field: z.literal("preference_match"),
      op: z.enum(["category", "metal", "purity", "price_band"]),
      value: Text,
      min_share: z.number().min(0.05, "min_share runs from 0.05 to 1").max(1, "min_share runs from 0.05 to 1").optional(),
    })
    .strict(),
  z
    .object({
      field: z.literal("new_arrivals_list"),
      op: z.literal("on"),
      value: z.string().trim().regex(/^narr_[0-9A-Za-z]{1,60}$/, "a new-arrivals list's id (narr_…)"),
    })
    .strict(),
])
export type SegmentCondition = z.infer<typeof Condition>

export type SegmentRule = SegmentCondition | { all: SegmentRule[] } | { any: SegmentRule[] }

const MAX_DEPTH = 4
const FIELDS = [
  "lifetime_value",
  "order_count",
  "last_purchase",
  "birthday",
  "anniversary",
  "preferred_metal",
  "preferred_category",
  "tag",
  "home_branch",
  "tier",
  "consent",
  "recency",
  "frequency",
  "monetary",
  "preference_match",
  "new_arrivals_list",
]

/**
 * `preference_match` without `min_share`: a third of the customer's weighted interest, the share at which the
 * model's reasons name a taste (src/lib/preferences/training.ts).
 */
export const DEFAULT_PREFERENCE_SHARE = 0.3

/**
 * The rule parsed, or the problems with it in words, each with where it is
 * ("all.1.op: …"): an unknown field or operator, a value out of range, an
 * empty group, nesting deeper than 4 groups.
 */
export function parseSegmentRule(input: unknown): { rule: SegmentRule; problems: [] } | { rule: null; problems: string[] } {
  const problems: string[] = []
  const walk = (node: unknown, path: string, level: number): SegmentRule | null => {
    const where = path || "rule"
    if (!node || typeof node !== "object" || Array.isArray(node)) {
      problems.push(`${where}: expected a condition { field, op, value } or a group { all: [...] } / { any: [...] }`)
      return null
    }
    const keys = Object.keys(node)
    const group = keys.find((k) => k === "all" || k === "any") as "all" | "any" | undefined
    if (group) {
      const items = (node as Record<string, unknown>)[group]
      if (keys.length !== 1) {
        problems.push(`${where}: a group holds only "${group}"`)
        return null
      }
      if (level >= MAX_DEPTH) {
        problems.push(`rule: groups may nest at most ${MAX_DEPTH} deep`)
        return null
      }
      if (!Array.isArray(items) || items.length < 1 || items.length > 50) {
        problems.push(`${path ? `${path}.` : ""}${group}: a group needs 1 to 50 rules`)
        return null
      }
      const rules = items.map((item, i) => walk(item, `${path ? `${path}.` : ""}${group}.${i}`, level + 1))
      return rules.every(Boolean) ? ({ [group]: rules } as SegmentRule) : null
    }
    const field = (node as { field?: unknown }).field
    if (typeof field !== "string" || !FIELDS.includes(field)) {
      problems.push(`${where}: unknown field ${JSON.stringify(field ?? null)}; use one of ${FIELDS.join(", ")}`)
      return null
    }
    const parsed = Condition.safeParse(node)
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 3)) {
        problems.push(`${[path, ...issue.path.map(String)].filter(Boolean).join(".") || "rule"}: ${issue.message}`)
      }
      return null
    }
    return parsed.data
  }
  const rule = walk(input, "", 0)
  return rule && !problems.length ? { rule, problems: [] } : { rule: null, problems: problems.slice(0, 5) }
}

export type CompiledSegment = { sql: string; bindings: (string | number)[] }

const COMPARE = { gte: ">=", lte: "<=", eq: "=" } as const
const LIST_COLUMNS = { preferred_metal: "preferred_metals", preferred_category: "preferred_categories", tag: "tags" } as const

/**
 * The rule as a SQL condition over the columns of the customer facts table
 * (one row per customer: profile, purchase aggregates, tier and RFM scores,
 * list values lower-cased): `?` placeholders with their bindings, in order.
 * Birthdays and anniversaries compare month-days (MMDD) of the coming
 * window, so 29 February is seen on the 28th in other years.
 */
export function compileSegmentRule(rule: SegmentRule, today: CalendarDay, nowIso: string): CompiledSegment {
  const bindings: (string | number)[] = []
  const walk = (node: SegmentRule): string => {
    if ("all" in node) {
      return `(${node.all.map(walk).join(" and ")})`
    }
    if ("any" in node) {
      return `(${node.any.map(walk).join(" or ")})`
    }
    switch (node.field) {
      case "lifetime_value":
        bindings.push(node.value)
        return `(lifetime_value ${COMPARE[node.op]} ?)`
      case "order_count":
        bindings.push(node.value)
        return `(order_count ${COMPARE[node.op]} ?)`
      case "last_purchase":
        bindings.push(nowIso, node.value)
        return node.op === "within_days"
          ? `(last_order_at >= ?::timestamptz - make_interval(days => ?))`
          : `(last_order_at is null or last_order_at < ?::timestamptz - make_interval(days => ?))`
      case "birthday":
      case "anniversary": {
        const keys = monthDayKeys(today, node.value)
        bindings.push(...keys)
        return `(${node.field}_md in (${keys.map(() => "?").join(", ")}))`
      }
      case "preferred_metal":
      case "preferred_category":
      case "tag":
        bindings.push(node.value.toLowerCase())
        return `(${LIST_COLUMNS[node.field]} @> array[?]::text[])`
      case "home_branch":
        bindings.push(...node.value)
        return `(home_branch_id in (${node.value.map(() => "?").join(", ")}))`
      case "tier":
        bindings.push(...node.value.map((t) => t.toLowerCase()))
        return `(lower(tier) in (${node.value.map(() => "?").join(", ")}))`
      case "consent":
        return `(consent_${node.value})`
      case "recency":
      case "frequency":
      case "monetary":
        bindings.push(node.value)
        return `(${node.field}_score ${COMPARE[node.op]} ?)`
      case "preference_match":
        // The current preference model's shares (docs/preferences.md); no model yet selects nobody.
        bindings.push(node.op, node.value.toLowerCase(), node.min_share ?? DEFAULT_PREFERENCE_SHARE)
        return `(customer_id in (select a.customer_id from customer_affinity a
          join preference_model m on m.id = a.model_id and m.status = 'current' and m.deleted_at is null
          where a.deleted_at is null and a.attribute = ? and a.value = ? and a.share >= ?))`
      case "new_arrivals_list":
        // The customers a new-arrivals call list names (docs/preferences.md): an offer to follow up the calls.
        bindings.push(node.value)
        return `(customer_id in (select c.value ->> 'customer_id' from new_arrival_list l cross join lateral jsonb_array_elements(l.calls) c
          where l.id = ? and l.deleted_at is null))`
    }
  }
  return { sql: walk(rule), bindings }
}
