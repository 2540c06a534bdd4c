import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { tryNormalizePhone } from "../../../lib/phone"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"

/** The customer whose profile holds this number (main or alternate), or null. */
export const findCustomerByPhoneStep = createStep("find-customer-by-phone", async ({ phone }: { phone: string }, { container }) => {
  const normalized = tryNormalizePhone(phone)
  if (!normalized) {
    return new StepResponse(null as string | null)
  }
  const crm: CrmModuleService = container.resolve(CRM_MODULE)
  const profiles = await crm.listCustomerProfiles({ $or: [{ phone: normalized }, { alternate_phone: normalized }] }, { select: ["id"], take: 1 })
  if (!profiles.length) {
    return new StepResponse(null as string | null)
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer_profile", fields: ["id", "customer.id"], filters: { id: profiles[0].id } })
  return new StepResponse(((data[0] as { customer?: { id: string } | null } | undefined)?.customer?.id ?? null) as string | null)
})
