import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { INVOICING_MODULE } from "../../../../../modules/invoicing"
import type InvoicingModuleService from "../../../../../modules/invoicing/service"
import { issueCreditNoteWorkflow } from "../../../../../workflows/invoicing"
import { ensureInvoice } from "../../../../utils/tax-documents"
import { presentDocument } from "../../../../../modules/invoicing/present"
import type { IssueCreditNoteBodyType } from "../../validators"

/**
 * GET /admin/orders/:id/credit-notes: the order's own invoice, the invoices
 * of its exchanges and its credit notes, oldest first; an unknown order 404.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { data: orders } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order", fields: ["id"], filters: { id: req.params.id } })
  if (!orders.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id "${req.params.id}" was not found`)
  }
  const documents = await req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE).listOrderDocuments([req.params.id])
  const own = documents.find((d) => d.type === "invoice" && !d.exchange_id)
  res.json({
    invoice: own ? presentDocument(own) : null,
    exchange_invoices: documents.filter((d) => d.type === "invoice" && d.exchange_id).map((d) => presentDocument(d)),
    credit_notes: documents.filter((d) => d.type === "credit_note").map((d) => presentDocument(d)),
  })
}

/** POST /admin/orders/:id/credit-notes `{ return_id, reason? }`: a credit note for a received return of this order (201; 200 when issued before). */
export async function POST(req: MedusaRequest<IssueCreditNoteBodyType>, res: MedusaResponse) {
  const { return_id, reason } = req.validatedBody
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "return", fields: ["id", "order_id"], filters: { id: return_id } })
  if ((data[0] as { order_id?: string } | undefined)?.order_id !== req.params.id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order "${req.params.id}" has no return with id "${return_id}"`)
  }
  await ensureInvoice(req.scope, req.params.id)
  const { result } = await issueCreditNoteWorkflow(req.scope).run({ input: { return_id, reason } })
  res.status(result.created ? 201 : 200).json({ tax_document: presentDocument(result.document) })
}
