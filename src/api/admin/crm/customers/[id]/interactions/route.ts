import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { DOMAIN_CONFLICT } from "../../../../../../lib/errors"
import { CRM_MODULE } from "../../../../../../modules/crm"
import type CrmModuleService from "../../../../../../modules/crm/service"
import { interactionWithKey, logInteractionWorkflow } from "../../../../../../workflows/crm"
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

/**
 * POST /admin/crm/customers/:id/interactions — with follow_up_at it also opens a task for you. With an
 * idempotency_key, a retry (say after a 502 from the load balancer) answers 201 with what the first attempt
 * logged and logs nothing; the key used for another customer answers 409.
 */
export async function POST(req: AuthenticatedMedusaRequest<LogInteractionBodyType>, res: MedusaResponse) {
  const key = req.validatedBody.idempotency_key
  const earlier = key ? await loggedWithKey(req, key) : null
  if (earlier) {
    res.status(201).json(earlier)
    return
  }
  try {
    const { result } = await logInteractionWorkflow(req.scope).run({
      input: { ...req.validatedBody, customer_id: req.params.id, user_id: req.auth_context.actor_id },
    })
    res.status(201).json(result)
  } catch (e) {
    // Two first attempts with one key at once: the unique index on the key lets one insert, the other answers with its
    // row (and its follow-up task, if the first attempt has made it by then).
    const winner = key ? await loggedWithKey(req, key) : null
    if (!winner) {
      throw e
    }
    res.status(201).json(winner)
  }
}

/** What an earlier request with the key logged (the interaction and its follow-up task), or null. */
async function loggedWithKey(req: AuthenticatedMedusaRequest, key: string) {
  const logged = await interactionWithKey(req.scope, key)
  if (!logged) {
    return null
  }
  if (logged.interaction.customer_id !== req.params.id) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `idempotency_key "${key}" was already used for an interaction of another customer; use a new key for a new interaction`,
      DOMAIN_CONFLICT
    )
  }
  return logged
}
