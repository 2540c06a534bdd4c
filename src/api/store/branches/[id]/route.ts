import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveBranch } from "../../../admin/branches/helpers"

/** GET /store/branches/:id (active branches only). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json({ branch: await retrieveBranch(req, req.params.id, { is_active: true }) })
}
