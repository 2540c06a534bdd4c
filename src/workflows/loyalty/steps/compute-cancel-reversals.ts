import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import { orderPointsReversals } from "./compute-return-reversals"

/** A cancelled order undoes what is still open of its points: earned ones are taken back, spent ones given back. */
export const computeCancelReversalsStep = createStep("compute-cancel-reversals", async ({ order_id }: { order_id: string }, { container }) => {
  const reversals = await orderPointsReversals(container.resolve(LOYALTY_MODULE), order_id, (entry, open) => ({
    points: open,
    idempotency_key: entry.type === "earn" ? `order:${order_id}:cancel` : `order:${order_id}:cancel:${entry.id}`,
    reason: entry.type === "earn" ? "order cancelled" : "points given back: order cancelled",
  }))
  return new StepResponse(reversals)
})
