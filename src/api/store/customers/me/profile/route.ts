import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateCustomerProfileWorkflow } from "../../../../../workflows/crm"
import { recordAudit } from "../../../../utils/audit"
import { profileAuditEntries } from "../../../../../lib/profile-audit"
import { presentOwnProfile, stampConsents } from "../../../../../modules/crm/present"
import type { StoreProfileBodyType } from "../../validators"

/** GET /store/customers/me/profile — the signed-in customer's own preferences and consents. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "customer_profile.*"],
    filters: { id: req.auth_context.actor_id },
  })
  res.json({ profile: presentOwnProfile((data[0] as { customer_profile?: Record<string, unknown> } | undefined)?.customer_profile) })
}

/** POST /store/customers/me/profile — birthday, anniversary, sizes, preferences, consents. */
export async function POST(req: AuthenticatedMedusaRequest<StoreProfileBodyType>, res: MedusaResponse) {
  const { consents, ...update } = req.validatedBody
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "customer_profile.*"], filters: { id: req.auth_context.actor_id } })
  const before = (data[0] as { customer_profile?: Record<string, unknown> | null } | undefined)?.customer_profile ?? null
  const { result } = await updateCustomerProfileWorkflow(req.scope).run({
    input: {
      customer_id: req.auth_context.actor_id,
      update: { ...update, ...(consents ? { consents: stampConsents(consents, "storefront") } : {}) },
    },
  })
  await recordAudit(req.scope, req, profileAuditEntries(req.auth_context.actor_id, before, result as unknown as Record<string, unknown>, "storefront"))
  res.json({ profile: presentOwnProfile(result as unknown as Record<string, unknown>) })
}
