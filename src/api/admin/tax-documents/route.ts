import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INVOICING_MODULE } from "../../../modules/invoicing"
import type InvoicingModuleService from "../../../modules/invoicing/service"
import { branchScope } from "../../utils/access"
import { presentDocument } from "../../../modules/invoicing/present"
import type { ListTaxDocumentsQueryType } from "./validators"

/**
 * GET /admin/tax-documents: the register of invoices and credit notes, newest
 * first; by type, branch, financial year, number or order (branch staff: their
 * branches' only).
 */
export async function GET(req: MedusaRequest<unknown, ListTaxDocumentsQueryType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const branchIds = (await branchScope(req)) ?? undefined
  const { documents, count } = await req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE).listRegister({ ...q, branch_ids: branchIds })
  res.json({ tax_documents: documents.map((d) => presentDocument(d)), count, limit: q.limit, offset: q.offset })
}
