import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CreateCustomerDTO, IAuthModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import { createPhoneCustomerAccountWorkflow } from "../../../workflows/crm"

/**
 * POST /store/customers — Medusa's sign-up, kept as Medusa answers it, with
 * one addition: after a first sign-in by phone, the account takes the
 * number the code was sent to (whatever phone the body names: the server
 * knows it), and an email is not required. A second sign-up with the same
 * sign-in is refused with a 400.
 */
export async function POST(req: AuthenticatedMedusaRequest<CreateCustomerDTO>, res: MedusaResponse) {
  if (req.auth_context.actor_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Request already authenticated as a customer.")
  }
  const authIdentityId = req.auth_context.auth_identity_id
  const identity = await req.scope.resolve<IAuthModuleService>(Modules.AUTH).retrieveAuthIdentity(authIdentityId, { relations: ["provider_identities"] })
  // A token from before the sign-up, used again: Medusa's workflow would fail on it with a 500 after making a customer.
  if (identity.app_metadata?.customer_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "This sign-in already has a customer account. Sign in again (or refresh the token) to use it.")
  }
  const phone = identity.provider_identities?.find((p) => p.provider === "phone-otp")?.entity_id
  const { phone: _ignored, ...customer } = req.validatedBody
  if (phone && customer.email) {
    const taken = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ email: customer.email, has_account: true }, { select: ["id"], take: 1 })
    if (taken.length) {
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, "Customer with this email already has an account")
    }
  }
  const { result } = phone
    ? await createPhoneCustomerAccountWorkflow(req.scope).run({ input: { auth_identity_id: authIdentityId, phone, customer } })
    : await createCustomerAccountWorkflow(req.scope).run({ input: { customerData: req.validatedBody, authIdentityId } })
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: req.queryConfig.fields,
    filters: { id: result.id },
  })
  res.status(200).json({ customer: data[0] })
}
