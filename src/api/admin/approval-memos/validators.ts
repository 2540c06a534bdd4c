import { z } from "@medusajs/framework/zod"
import { APPROVAL_MEMO_STATUSES, MAX_MEMO_LINES } from "../../../lib/approval-memo"
import { findParams, TagCode } from "../../utils/validators"

export const IssueApprovalMemoBody = z
  .object({
    branch_id: z.string().min(1, "branch_id: the branch giving the pieces"),
    customer_id: z.string().min(1, "customer_id: who takes them"),
    pieces: z
      .array(z.object({ tag_code: TagCode, quantity: z.number().int("quantity is a whole number of pieces").min(1).max(1_000).optional() }).strict())
      .min(1)
      .max(MAX_MEMO_LINES),
    /** When the pieces are due back (ISO date-time); three days on by default. */
    due_at: z.coerce.date({ error: "due_at is a date, e.g. 2026-12-08T18:00:00+05:30" }).optional(),
    note: z.string().trim().max(500).optional(),
    idempotency_key: z.string().trim().min(8, "idempotency_key is 8 to 100 characters").max(100, "idempotency_key is 8 to 100 characters").optional(),
  })
  .strict()
export type IssueApprovalMemoBodyType = z.infer<typeof IssueApprovalMemoBody>

const flag = z.enum(["true", "false"]).transform((v) => v === "true")

export const ListApprovalMemosQuery = findParams({ limit: 20, maxLimit: 100 })
  .extend({
    branch_id: z.string().min(1).optional(),
    customer_id: z.string().min(1).optional(),
    status: z.enum(APPROVAL_MEMO_STATUSES).optional(),
    overdue: flag.optional(),
  })
  .strict()
export type ListApprovalMemosQueryType = z.infer<typeof ListApprovalMemosQuery>

export const ReturnApprovalPiecesBody = z
  .object({ tags: z.array(TagCode).min(1).max(MAX_MEMO_LINES), note: z.string().trim().max(500).optional() })
  .strict()
export type ReturnApprovalPiecesBodyType = z.infer<typeof ReturnApprovalPiecesBody>
