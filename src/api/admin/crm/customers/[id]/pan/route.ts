import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { decryptSecret } from "../../../../../../lib/pan"
import { piiKey } from "../../../../../../lib/pan"

/**
 * GET /admin/crm/customers/:id/pan — the customer's PAN in full, for roles
 * with `pii: reveal` (owner, branch manager, accountant). Everyone else sees
 * only the masked form in the profile.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: ["id", "customer_profile.pan_encrypted", "customer_profile.pan_masked"],
    filters: { id: req.params.id },
  })
  const customer = data[0] as { id: string; customer_profile?: { pan_encrypted?: string | null } | null } | undefined
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${req.params.id}" was not found`)
  }
  const stored = customer.customer_profile?.pan_encrypted
  if (!stored) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "This customer has no PAN on file")
  }
  res.set("Cache-Control", "no-store")
  res.json({ customer_id: customer.id, pan: decryptSecret(stored, piiKey()) })
}
