import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { checkSignedPath } from "../../../../lib/document-links"
import { documentLinkKey, documentOr404, respondWithDocument } from "../../../utils/tax-documents"
import type { SignedLinkQueryType } from "../../validators"

/** GET /documents/tax-documents/:id?expires=&signature=: the short-lived link ?format=url hands out on the local file provider. */
export async function GET(req: MedusaRequest<unknown, SignedLinkQueryType>, res: MedusaResponse) {
  const { expires, signature } = req.validatedQuery
  const check = checkSignedPath(documentLinkKey(req.scope), `/documents/tax-documents/${req.params.id}`, expires, signature)
  if (check !== "ok") {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, check === "expired" ? "This document link has expired" : "This document link is not valid")
  }
  await respondWithDocument(req, res, await documentOr404(req.scope, req.params.id), "pdf")
}
