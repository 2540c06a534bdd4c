import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { earnPointsForOrderWorkflow } from "../../loyalty/workflows/earn-points-for-order"
import { findPaidOrderStep, type PaidOrderInput } from "../steps/find-paid-order"
import { foundPaidOrder } from "../utils/order-payments"

export type { PaidOrderInput }

/**
 * An order's points, when it is paid (docs/security.md, "Value only for
 * paid orders"): run at order.placed (a payment captured as it was
 * authorised, a counter sale) and at payment.captured (captured later).
 * The ledger's key `order:<id>:earn` makes it once however often it runs.
 */
export const earnPointsForPaidOrderWorkflow = createWorkflow("earn-points-for-paid-order", (input: PaidOrderInput) => {
  const found = findPaidOrderStep(input)
  const earned = when("paid-order-earns", { found }, foundPaidOrder).then(() =>
    earnPointsForOrderWorkflow.runAsStep({ input: transform({ found }, ({ found }) => found.order_id!) })
  )
  return new WorkflowResponse(transform({ found, earned }, ({ found, earned }) => ({ ...found, earned: earned ?? null })))
})
