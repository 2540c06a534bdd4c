import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"
import type { CustomerProfileData } from "../utils/customer-profile"

export const createCustomerProfileStep = createStep(
  "create-customer-profile",
  async (data: CustomerProfileData, { container }) => {
    const crm: CrmModuleService = container.resolve(CRM_MODULE)
    const profile = await crm.createCustomerProfiles(data)
    return new StepResponse(profile, profile.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<CrmModuleService>(CRM_MODULE).deleteCustomerProfiles(id)
    }
  }
)
