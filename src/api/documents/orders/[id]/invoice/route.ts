import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { checkSignedPath } from "../../../../../lib/document-links"
import { documentLinkKey, ensureInvoice, respondWithDocument } from "../../../../utils/tax-documents"
import type { SignedLinkQueryType } from "../../../validators"

/**
 * GET /documents/orders/:id/invoice?expires=&signature=: the invoice link
 * sent with the order message ({{invoice_link}}); works without a login
 * until it expires (DOCUMENT_LINK_DAYS). A link changed by hand answers 403.
 */
export async function GET(req: MedusaRequest<unknown, SignedLinkQueryType>, res: MedusaResponse) {
  const { expires, signature } = req.validatedQuery
  const check = checkSignedPath(documentLinkKey(req.scope), `/documents/orders/${encodeURIComponent(req.params.id)}/invoice`, expires, signature)
  if (check !== "ok") {
    throw new MedusaError(
      MedusaError.Types.FORBIDDEN,
      check === "expired" ? "This invoice link has expired; sign in to the shop to download the invoice" : "This invoice link is not valid"
    )
  }
  await respondWithDocument(req, res, await ensureInvoice(req.scope, req.params.id), "pdf")
}
