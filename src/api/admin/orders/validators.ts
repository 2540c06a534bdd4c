import { z } from "@medusajs/framework/zod"

export const IssueInvoiceBody = z
  .object({
    /** Draw and store the PDF again (e.g. after a template change); the invoice itself never changes. */
    replace_file: z.boolean().default(false),
  })
  .strict()

export type IssueInvoiceBodyType = z.infer<typeof IssueInvoiceBody>

export const IssueCreditNoteBody = z
  .object({
    return_id: z.string().trim().min(1, "return_id is required"),
    reason: z.string().trim().max(500).optional(),
  })
  .strict()

export type IssueCreditNoteBodyType = z.infer<typeof IssueCreditNoteBody>
