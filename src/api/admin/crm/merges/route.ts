import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CRM_MODULE } from "../../../../modules/crm"
import type CrmModuleService from "../../../../modules/crm/service"
import type { ListMergesQueryType } from "../validators"

/** GET /admin/crm/merges?customer_id= — the merge audit trail, newest first. */
export async function GET(req: MedusaRequest<unknown, ListMergesQueryType>, res: MedusaResponse) {
  const { customer_id, limit, offset } = req.validatedQuery as ListMergesQueryType
  const crm: CrmModuleService = req.scope.resolve(CRM_MODULE)
  const filters = customer_id ? { $or: [{ survivor_customer_id: customer_id }, { merged_customer_id: customer_id }] } : {}
  const [merges, count] = await crm.listAndCountCustomerMerges(filters, { order: { created_at: "DESC" }, take: limit, skip: offset })
  res.json({ merges, count, limit, offset })
}
