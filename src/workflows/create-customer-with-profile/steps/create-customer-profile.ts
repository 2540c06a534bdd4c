import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"

export type CustomerProfileData = {
  phone?: string | null
  alternate_phone?: string | null
  birthday?: Date | null
  anniversary?: Date | null
  ring_size?: string | null
  bangle_size?: string | null
  preferred_metals?: string[]
  preferred_purities?: string[]
  preferred_categories?: string[]
  budget_band?: "under_25k" | "from_25k_to_1l" | "from_1l_to_5l" | "above_5l" | null
  tags?: string[]
  home_branch_id?: string | null
  assigned_user_id?: string | null
  source?: string | null
  referred_by_customer_id?: string | null
  consents?: Record<string, unknown> | null
  pan_encrypted?: string | null
  pan_masked?: string | null
  notes?: string | null
}

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
