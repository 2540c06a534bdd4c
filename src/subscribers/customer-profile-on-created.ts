import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CRM_MODULE } from "../modules/crm"
import type CrmModuleService from "../modules/crm/service"
import { tryNormalizePhone } from "../lib/phone"

/**
 * Customers made anywhere (storefront sign-up, Medusa admin, imports) get an
 * empty CRM profile, with their phone when Medusa has one we can read.
 */
export default async function customerProfileOnCreated({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "phone", "customer_profile.id"],
    filters: { id: event.data.id },
  })
  const customer = data[0] as { id: string; phone?: string | null; customer_profile?: { id: string } | null } | undefined
  if (!customer || customer.customer_profile) {
    return
  }
  const crm: CrmModuleService = container.resolve(CRM_MODULE)
  const phone = customer.phone ? tryNormalizePhone(customer.phone) : undefined
  const taken = phone ? (await crm.listCustomerProfiles({ phone }, { select: ["id"] })).length > 0 : false
  const profile = await crm.createCustomerProfiles({ phone: taken ? null : phone ?? null })
  await container.resolve(ContainerRegistrationKeys.LINK).create({
    [Modules.CUSTOMER]: { customer_id: customer.id },
    [CRM_MODULE]: { customer_profile_id: profile.id },
  })
}

export const config: SubscriberConfig = {
  event: "customer.created",
}
