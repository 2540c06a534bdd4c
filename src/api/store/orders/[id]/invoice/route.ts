import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ensureInvoice, respondWithDocument } from "../../../../utils/tax-documents"
import type { DocumentQueryType } from "../../../../admin/tax-documents/validators"

/**
 * GET /store/orders/:id/invoice: the signed-in customer's invoice for an
 * order of theirs (PDF, or ?format=url). Anyone else's order answers 404,
 * as if it did not exist.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, DocumentQueryType>, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "customer_id", "status"], filters: { id: req.params.id } })
  const order = data[0] as { id: string; customer_id: string | null; status: string } | undefined
  if (!order || order.customer_id !== req.auth_context.actor_id || order.status === "draft") {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id "${req.params.id}" was not found`)
  }
  const format = req.validatedQuery.format === "json" ? "pdf" : req.validatedQuery.format
  await respondWithDocument(req, res, await ensureInvoice(req.scope, order.id), format)
}
