import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { checkGstin } from "../../lib/gstin"
import { gramsToMg, rupeesToPaise } from "../../lib/money"

// Zod pieces the areas' validators share.

/**
 * A sort parameter: a field name, or "-" and a field name for descending,
 * e.g. `order=-created_at`. Only the listed fields are allowed. It stays a
 * string (Medusa's query validation reads `order` as one); routes turn it
 * into an order object with `orderBy`.
 */
export function sortParam<const F extends string>(fields: readonly F[], fallback: `${"" | "-"}${F}`) {
  return z.enum(fields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]]).default(fallback)
}

export function orderBy(value: string): Record<string, "ASC" | "DESC"> {
  return { [value.replace(/^-/, "")]: value.startsWith("-") ? "DESC" : "ASC" }
}

export const decimal = (parse: (v: string | number) => number) =>
  z.union([z.string(), z.number()]).transform((value, ctx) => {
    try {
      return parse(value)
    } catch (e) {
      ctx.addIssue({ code: "custom", message: (e as Error).message })
      return z.NEVER
    }
  })

/** A rupee amount (string or number, at most 2 decimals) as paise. */
export const Rupees = decimal(rupeesToPaise)

/** A GSTIN, checked (its shape and check character) and written in capitals. */
export const Gstin = z.string().transform((value, ctx) => {
  const check = checkGstin(value)
  if (!check.valid) {
    ctx.addIssue({ code: "custom", message: `gstin: ${check.reason}` })
    return z.NEVER
  }
  return value.trim().toUpperCase()
})

/** Grams as the scale shows them (up to 3 decimals), kept as milligrams: 0 to 5 kg. */
export const WeightGrams = (name: string) => decimal(gramsToMg).pipe(z.number().int().min(0, `${name} cannot be negative`).max(5_000_000, `${name} is at most 5000 g`))

/** A tag as a scanner types it: letters, digits and - _ . / (no spaces inside). */
export const TagCode = z
  .string()
  .trim()
  .min(1, "tag_code: scan or type a tag")
  .max(64, "tag_code is at most 64 characters")
  .regex(/^[\w.\-/]+$/, "tag_code holds letters, digits and - _ . / only")

export const IdempotencyKey = z
  .string()
  .trim()
  .min(8, "idempotency_key must be 8 to 100 characters (e.g. the POS bill number)")
  .max(100)
  .regex(/^[\w:.\-/]+$/, "idempotency_key may hold letters, digits and _ : . - / only")

/**
 * A list's paging: Medusa's createFindParams (`limit` and `offset` read from
 * the query string, with the list's default page) with the bounds it leaves
 * out, so a page past the list's largest (or a negative offset) is answered
 * 400 with the reason. Lists answer `count`, `limit` and `offset` with
 * their rows.
 */
export function findParams({ limit, maxLimit, maxOffset }: { limit: number; maxLimit: number; maxOffset?: number }) {
  const { shape } = createFindParams({ limit, offset: 0 })
  const offset = z.number().int("offset is a whole number").min(0, "offset cannot be negative")
  return z.object({
    limit: shape.limit.pipe(z.number().int("limit is a whole number").min(1, "limit is at least 1").max(maxLimit, `limit is at most ${maxLimit}`)),
    offset: shape.offset.pipe(maxOffset === undefined ? offset : offset.max(maxOffset, `offset is at most ${maxOffset}`)),
  })
}

/** A calendar day in India time, YYYY-MM-DD. */
export const IndiaDay = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name} is a day in India time, YYYY-MM-DD`)
    .refine((d) => !Number.isNaN(new Date(`${d}T00:00:00+05:30`).getTime()) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `${name} is not a calendar day`)
