import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { CRM_MODULE } from "../../../../../../modules/crm"
import type CrmModuleService from "../../../../../../modules/crm/service"
import { logInteractionWorkflow } from "../../../../../../workflows/crm"
import { branchScope } from "../../../../../utils/access"
import { orderBy } from "../../../../../utils/validators"
import type { ListInteractionsQueryType, LogInteractionBodyType } from "../../../validators"

/** GET /admin/crm/customers/:id/interactions — newest first; for branch-scoped staff, their branches' and the online (branchless) ones. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListInteractionsQueryType>, res: MedusaResponse) {
  const { order, limit, offset } = req.validatedQuery as ListInteractionsQueryType
  const [customer] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: req.params.id }, { select: ["id"] })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${req.params.id}" was not found`)
  }
  const scope = await branchScope(req)
  const filters = scope ? { customer_id: req.params.id, $or: [{ branch_id: scope }, { branch_id: null }] } : { customer_id: req.params.id }
  const [interactions, count] = await req.scope
    .resolve<CrmModuleService>(CRM_MODULE)
    .listAndCountInteractions(filters, { order: orderBy(order), take: limit, skip: offset })
  res.json({ interactions, count, limit, offset })
}

/** POST /admin/crm/customers/:id/interactions — with follow_up_at it also opens a task for you. */
export async function POST(req: AuthenticatedMedusaRequest<LogInteractionBodyType>, res: MedusaResponse) {
  const { result } = await logInteractionWorkflow(req.scope).run({
    input: { ...req.validatedBody, customer_id: req.params.id, user_id: req.auth_context.actor_id },
  })
  res.status(201).json(result)
}
