import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** Where new pieces are sold and shipped from unless said otherwise: every branch's channel, the default profile. */
export const productDefaultsStep = createStep("product-defaults", async (_: undefined, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "branch", fields: ["sales_channel.id"], filters: { is_active: true } })
  const salesChannelIds = (data as { sales_channel?: { id: string } | null }[])
    .map((b) => b.sales_channel?.id)
    .filter((id): id is string => !!id)
  const [profile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" })
  return new StepResponse({ sales_channel_ids: salesChannelIds, shipping_profile_id: profile?.id ?? null })
})
