import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { passbookView } from "../../../../utils/scheme-passbook"

/** GET /admin/schemes/enrolments/:id — a card's passbook (another branch's is not found: src/api/utils/branch-scope.ts). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ scheme: await passbookView(req.scope, req.params.id) })
}
