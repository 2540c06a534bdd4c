import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { loadSalesOrdersStep } from "../steps/load-sales-orders"
import { replaceSalesFactsStep } from "../steps/replace-sales-facts"

/**
 * Rewrites the sales facts of some orders from the orders as they are now
 * (src/lib/sales-facts.ts). Rewriting instead of adding makes a replayed or
 * out-of-order event harmless: the facts always equal the orders.
 */
export const refreshSalesFactsWorkflow = createWorkflow("refresh-sales-facts", (orderIds: string[]) => {
  const orders = loadSalesOrdersStep(orderIds)
  const written = replaceSalesFactsStep({ order_ids: orderIds, orders })
  return new WorkflowResponse(written)
})
