import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"
import type { CustomerProfileData } from "../utils/customer-profile"

export type UpdateProfileInput = { customer_id: string; update: CustomerProfileData }

type Undo = { created?: string; restore?: Record<string, unknown> & { id: string } }

/**
 * Updates the customer's profile (making one if the customer has none yet).
 * Consents merge channel by channel. Compensation restores the previous values.
 */
export const updateProfileStep = createStep(
  "update-profile",
  async ({ customer_id, update }: UpdateProfileInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "customer", fields: ["id", "customer_profile.*"], filters: { id: customer_id } })
    const customer = data[0] as { id: string; customer_profile?: Record<string, unknown> & { id: string } } | undefined
    if (!customer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${customer_id}" was not found`)
    }
    const crm: CrmModuleService = container.resolve(CRM_MODULE)
    const current = customer.customer_profile
    const consents = update.consents
      ? { ...((current?.consents as Record<string, unknown> | null) ?? {}), ...update.consents }
      : undefined
    if (!current) {
      const created = await crm.createCustomerProfiles({ ...update, ...(consents ? { consents } : {}) })
      await container.resolve(ContainerRegistrationKeys.LINK).create({
        [Modules.CUSTOMER]: { customer_id },
        [CRM_MODULE]: { customer_profile_id: created.id },
      })
      return new StepResponse(created, { created: created.id } as Undo)
    }
    const previous = Object.fromEntries(Object.keys({ ...update, ...(consents ? { consents } : {}) }).map((k) => [k, current[k] ?? null]))
    const updated = await crm.updateCustomerProfiles({ id: current.id, ...update, ...(consents ? { consents } : {}) })
    return new StepResponse(updated, { restore: { id: current.id, ...previous } } as Undo)
  },
  async (undo, { container }) => {
    const crm: CrmModuleService = container.resolve(CRM_MODULE)
    if (undo?.created) {
      await crm.deleteCustomerProfiles(undo.created)
    } else if (undo?.restore) {
      await crm.updateCustomerProfiles(undo.restore as { id: string })
    }
  }
)
