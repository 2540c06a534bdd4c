import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { hasBought } from "../../../../../../modules/jewelry/queries/certificates"
import { sendCertificate } from "../../../../../utils/files"

/**
 * GET /store/jewelry/variants/:id/certificate: the lab certificate of a piece
 * the signed-in customer bought; anyone else gets 404, as if there were none.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  if (!(await hasBought(req.scope, req.auth_context.actor_id, req.params.id))) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Variant "${req.params.id}" has no certificate for you`)
  }
  await sendCertificate(req, res, req.params.id)
}
