import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** A customer's consent status for one channel as it stands ("granted", "revoked", or null when never given); reads only. */
export const readConsentStatusStep = createStep(
  "read-consent-status",
  async ({ customer_id, channel }: { customer_id: string; channel: string }, { container }) => {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "customer",
      fields: ["id", "customer_profile.consents"],
      filters: { id: customer_id },
    })
    const consents = (data[0] as { customer_profile?: { consents?: Record<string, { status?: string } | undefined> | null } | null } | undefined)
      ?.customer_profile?.consents
    return new StepResponse((consents?.[channel]?.status ?? null) as string | null)
  }
)
