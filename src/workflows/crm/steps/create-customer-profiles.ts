import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"
import type { CustomerProfileData } from "../utils/customer-profile"

/** Many profiles in one call; compensation removes them. */
export const createCustomerProfilesStep = createStep(
  "create-customer-profiles",
  async (profiles: CustomerProfileData[], { container }) => {
    const created = await container.resolve<CrmModuleService>(CRM_MODULE).createCustomerProfiles(profiles)
    return new StepResponse(created, created.map((p) => p.id))
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve<CrmModuleService>(CRM_MODULE).deleteCustomerProfiles(ids)
    }
  }
)
