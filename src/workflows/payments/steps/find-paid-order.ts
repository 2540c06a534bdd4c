import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OrderPaymentState } from "../../../lib/paid-orders"
import { loadOrderPaymentStates } from "../utils/order-payments"

export type PaidOrderInput = { order_id?: string | null; payment_id?: string | null }
export type PaidOrderFound = { order_id: string | null; state: OrderPaymentState | null }

/**
 * The order an event is about (given directly, or as the payment captured
 * on one of its payment collections) and whether it is paid. A payment of
 * no order (a cart not completed yet) finds none. Reads only.
 */
export const findPaidOrderStep = createStep("find-paid-order", async (input: PaidOrderInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let orderId = input.order_id ?? null
  if (!orderId && input.payment_id) {
    const { data: payments } = await query.graph({ entity: "payment", fields: ["id", "payment_collection_id"], filters: { id: input.payment_id } })
    const collectionId = (payments[0] as { payment_collection_id?: string } | undefined)?.payment_collection_id
    if (collectionId) {
      const { data: links } = await query.graph({ entity: "order_payment_collection", fields: ["order_id"], filters: { payment_collection_id: collectionId } })
      orderId = (links[0] as { order_id?: string } | undefined)?.order_id ?? null
    }
  }
  if (!orderId) {
    return new StepResponse<PaidOrderFound>({ order_id: null, state: null })
  }
  const state = (await loadOrderPaymentStates(container, [orderId])).get(orderId) ?? null
  return new StepResponse<PaidOrderFound>({ order_id: state ? orderId : null, state })
})
