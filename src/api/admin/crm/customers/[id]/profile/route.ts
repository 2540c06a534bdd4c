import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { presentProfile } from "../../../../../../modules/crm/present"

/** GET /admin/crm/customers/:id/profile */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "customer_profile.*"],
    filters: { id: req.params.id },
  })
  const customer = data[0] as { id: string; customer_profile?: Record<string, unknown> | null } | undefined
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${req.params.id}" was not found`)
  }
  res.json({ customer_id: customer.id, profile: presentProfile(customer.customer_profile) })
}
