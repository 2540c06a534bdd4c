import { z } from "@medusajs/framework/zod"
import { TAX_DOCUMENT_TYPES } from "../../../lib/tax-documents"
import { findParams } from "../../utils/validators"

export const DocumentQuery = z
  .object({
    /** pdf: the file itself; json: the record and what it says; url: a short-lived link to the PDF. */
    format: z.enum(["pdf", "json", "url"]).default("pdf"),
  })
  .strict()

export type DocumentQueryType = z.infer<typeof DocumentQuery>

export const ListTaxDocumentsQuery = findParams({ limit: 20, maxLimit: 100 })
  .extend({
    type: z.enum(TAX_DOCUMENT_TYPES).optional(),
    branch_code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{1,6}$/, "branch_code is a branch's code, e.g. MUM").optional(),
    financial_year: z.string().regex(/^\d{4}-\d{2}$/, "financial_year looks like 2026-27").optional(),
    /** A document number (or part of one), or an order id. */
    q: z.string().trim().min(1).max(60).optional(),
  })
  .strict()

export type ListTaxDocumentsQueryType = z.infer<typeof ListTaxDocumentsQuery>
