import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { branchFilters, listBranches } from "./helpers"
import type { ListBranchesQueryType } from "./validators"

/** GET /admin/branches: every branch, active or not, with its stock location and sales channel. */
export async function GET(req: MedusaRequest<unknown, ListBranchesQueryType>, res: MedusaResponse) {
  res.json(await listBranches(req, branchFilters(req.validatedQuery as ListBranchesQueryType)))
}
