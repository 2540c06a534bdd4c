import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * The cart a payment session was opened for, or null (a payment link's session has none). Medusa's
 * processPaymentWorkflow, which captures on a provider's webhook, locks on this id; a workflow that captures the
 * same payment takes the same lock so the two take turns. Reads only.
 */
export const findSessionCartStep = createStep("find-session-cart", async (input: { session_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: sessions } = await query.graph({ entity: "payment_session", fields: ["payment_collection_id"], filters: { id: input.session_id } })
  const collectionId = (sessions[0] as { payment_collection_id?: string } | undefined)?.payment_collection_id
  if (!collectionId) {
    return new StepResponse<string | null>(null)
  }
  const { data: links } = await query.graph({ entity: "cart_payment_collection", fields: ["cart_id"], filters: { payment_collection_id: collectionId } })
  return new StepResponse<string | null>((links[0] as { cart_id?: string } | undefined)?.cart_id ?? null)
})
