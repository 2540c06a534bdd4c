import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { runLockOwner } from "../../locking"
import { aggregateCustomerOrdersStep } from "../steps/aggregate-customer-orders"
import { storeCustomerStatsStep } from "../steps/store-customer-stats"

/**
 * Recomputes the purchase aggregates of some customers from their orders
 * (lifetime value, order count, first and last purchase, pieces per metal
 * and category). Recomputing instead of adding makes replayed or
 * out-of-order order events harmless.
 *
 * Two refreshes of one customer (two bills placed a moment apart) take
 * turns: run side by side, both would find no stats row and both create one,
 * and an aggregate read before the second bill could be stored after it.
 */
export const refreshCustomerStatsWorkflow = createWorkflow("refresh-customer-stats", (customerIds: string[]) => {
  const keys = transform({ customerIds }, ({ customerIds }) => [...new Set(customerIds)].sort().map((id) => `customer-stats:${id}`))
  const lockOwner = runLockOwner()
  acquireLockStep({ key: keys, timeout: 30, ttl: 120, ownerId: lockOwner })
  const aggregates = aggregateCustomerOrdersStep(customerIds)
  const count = storeCustomerStatsStep(aggregates)
  releaseLockStep({ key: keys, ownerId: lockOwner })
  return new WorkflowResponse(count)
})
