import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { aggregateCustomerOrdersStep } from "../steps/aggregate-customer-orders"
import { storeCustomerStatsStep } from "../steps/store-customer-stats"

/**
 * Recomputes the purchase aggregates of some customers from their orders
 * (lifetime value, order count, first and last purchase, pieces per metal
 * and category). Recomputing instead of adding makes replayed or
 * out-of-order order events harmless.
 */
export const refreshCustomerStatsWorkflow = createWorkflow("refresh-customer-stats", (customerIds: string[]) => {
  const aggregates = aggregateCustomerOrdersStep(customerIds)
  const count = storeCustomerStatsStep(aggregates)
  return new WorkflowResponse(count)
})
