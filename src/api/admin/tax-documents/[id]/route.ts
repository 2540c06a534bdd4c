import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { documentOr404, respondWithDocument } from "../../../utils/tax-documents"
import type { DocumentQueryType } from "../validators"

/** GET /admin/tax-documents/:id: an invoice or credit note as a PDF (?format=json, ?format=url). */
export async function GET(req: MedusaRequest<unknown, DocumentQueryType>, res: MedusaResponse) {
  await respondWithDocument(req, res, await documentOr404(req.scope, req.params.id), req.validatedQuery.format)
}
