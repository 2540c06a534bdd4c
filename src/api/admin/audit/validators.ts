import { z } from "@medusajs/framework/zod"
import { findParams } from "../../utils/validators"

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/

/** An ISO date (2026-12-01, the whole UTC day) or date-time with its zone; `end` makes a bare date its last millisecond. */
const IsoDate = (end: boolean) =>
  z.string().transform((text, ctx) => {
    const value = text.trim()
    const date = ISO_DATE.test(value) ? new Date(`${value}T${end ? "23:59:59.999" : "00:00:00.000"}Z`) : ISO_DATE_TIME.test(value) ? new Date(value) : null
    // A calendar day that does not exist (2026-02-30) is refused, not rolled over into March.
    const inUtc = !/[+-]\d{2}:?\d{2}$/.test(value)
    const rolledOver = !!date && !Number.isNaN(date.getTime()) && inUtc && date.toISOString().slice(0, 10) !== value.slice(0, 10)
    if (!date || Number.isNaN(date.getTime()) || rolledOver) {
      ctx.addIssue({ code: "custom", message: `"${text}" is not an ISO date (2026-12-01) or date-time (2026-12-01T10:30:00Z)` })
      return z.NEVER
    }
    return date
  })

const Name = z.string().trim().min(1).max(200)

export const AuditQuery = findParams({ limit: 50, maxLimit: 200, maxOffset: 1_000_000 })
  .extend({
    entity: Name.regex(/^[a-z0-9_]+$/, "entity is lower-case letters, digits and _ (e.g. metal_rate)").optional(),
    entity_id: Name.optional(),
    actor_id: Name.optional(),
    action: Name.regex(/^[a-z0-9_.]+\*?$/, "action is like metal_rate.published, a prefix such as metal_rate, or metal_rate*").optional(),
    from: IsoDate(false).optional(),
    to: IsoDate(true).optional(),
    q: Name.optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] })

export type AuditQueryType = z.infer<typeof AuditQuery>
