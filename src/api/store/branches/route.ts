import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { branchFilters, listBranches } from "../../admin/branches/helpers"
import type { ListBranchesQueryType } from "../../admin/branches/validators"

/** GET /store/branches: the shop's active branches, e.g. for "pick up at branch". */
export async function GET(req: MedusaRequest<unknown, ListBranchesQueryType>, res: MedusaResponse) {
  res.json(await listBranches(req, branchFilters(req.validatedQuery as ListBranchesQueryType, { is_active: true })))
}
