import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveBranch } from "../helpers"

/** GET /admin/branches/:id */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json({ branch: await retrieveBranch(req, req.params.id) })
}
