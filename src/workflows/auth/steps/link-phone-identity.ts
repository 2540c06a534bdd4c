import type { IAuthModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

type LinkInput = { auth_identity_id: string; phone: string }
type ProfileRow = { phone: string | null; created_at: string | Date; customer?: { id: string } | null }

/**
 * Makes a phone sign-in the shop's existing customer with that number (a
 * walk-in customer from the counter, say), so a customer who signs in sees
 * their own orders, points and invoices. A number on several customers (a
 * family's phone) goes to the one holding it as the main number, then the
 * first one recorded. It only grants anything once the code sent to the
 * number is typed back (src/modules/auth-phone-otp/service.ts). A number no
 * customer has stays unlinked: the customer account is made on the first
 * sign-in, by Medusa's POST /store/customers.
 */
export const linkPhoneIdentityStep = createStep(
  "link-phone-identity",
  async ({ auth_identity_id, phone }: LinkInput, { container }) => {
    const auth = container.resolve<IAuthModuleService>(Modules.AUTH)
    const identity = await auth.retrieveAuthIdentity(auth_identity_id)
    const before = identity.app_metadata ?? {}
    if (before.customer_id) {
      return new StepResponse(before.customer_id as string, null)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer_profile",
      fields: ["phone", "created_at", "customer.id"],
      filters: { $or: [{ phone }, { alternate_phone: phone }] },
    })
    const holder = (data as ProfileRow[])
      .filter((row) => row.customer?.id)
      .sort((a, b) => Number(b.phone === phone) - Number(a.phone === phone) || new Date(a.created_at).getTime() - new Date(b.created_at).getTime())[0]
    if (!holder) {
      return new StepResponse(null as string | null, null)
    }
    await auth.updateAuthIdentities({ id: auth_identity_id, app_metadata: { ...before, customer_id: holder.customer!.id } })
    return new StepResponse(holder.customer!.id as string | null, { id: auth_identity_id, app_metadata: before })
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve<IAuthModuleService>(Modules.AUTH).updateAuthIdentities(previous)
    }
  }
)
