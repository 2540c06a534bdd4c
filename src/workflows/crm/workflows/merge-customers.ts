import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refreshCustomerStatsWorkflow } from "./refresh-customer-stats"
import { loadCustomersToMergeStep, type CustomerSnapshot, type MergeCustomersInput } from "../steps/load-customers-to-merge"
import { mergeCustomerProfilesStep } from "../steps/merge-customer-profiles"
import { moveCounterRecordsStep } from "../steps/move-counter-records"
import { moveCrmRecordsStep } from "../steps/move-crm-records"
import { moveCustomerOrdersStep } from "../steps/move-customer-orders"
import { recordCustomerMergeStep } from "../steps/record-customer-merge"
import { retireMergedCustomersStep } from "../steps/retire-merged-customers"
import { moveLoyaltyPointsStep } from "../../loyalty/steps/move-loyalty-points"
import { reviewLoyaltyTierWorkflow } from "../../loyalty/workflows/review-loyalty-tier"

/** A customer as the merge reads it before folding duplicates in (the duplicates list shows the same). */
export type { CustomerSnapshot }

export const CUSTOMERS_MERGED_EVENT = "crm.customers.merged"

/**
 * Folds duplicate customers into one: their orders, interactions, tasks,
 * wishlist, savings-scheme cards, old-gold vouchers and loyalty points (the
 * ledger entries with their expiry) move to the survivor, whose tier is then
 * reviewed on the spend now theirs; the survivor's profile gains what only the
 * duplicates knew, the duplicates are retired and an audit record keeps
 * their snapshot. Every step is undone if a later one fails. Derived data
 * (segment facts) follows `crm.customers.merged`.
 */
export const mergeCustomersWorkflow = createWorkflow("merge-customers", (input: MergeCustomersInput) => {
  const customers = loadCustomersToMergeStep(input)
  const ids = transform({ customers }, ({ customers }) => ({
    survivor_id: customers.survivor.id,
    merged_ids: customers.merged.map((c) => c.id),
  }))
  const orders = moveCustomerOrdersStep(ids)
  const records = moveCrmRecordsStep(ids)
  const counter = moveCounterRecordsStep(ids)
  const points = moveLoyaltyPointsStep(ids)
  const profile = mergeCustomerProfilesStep(customers)
  retireMergedCustomersStep(transform({ ids }, ({ ids }) => ids.merged_ids))
  const moved = transform({ orders, records, counter, points, profile }, ({ orders, records, counter, points, profile }) => ({
    orders,
    ...records,
    ...counter,
    ...points,
    profile_fields_filled: profile.fields_filled,
  }))
  const audit = recordCustomerMergeStep(
    transform({ input, customers, moved }, ({ input, customers, moved }) => ({
      survivor_id: customers.survivor.id,
      merged: customers.merged,
      merged_by: input.merged_by ?? null,
      reason: input.reason ?? null,
      moved,
    }))
  )
  refreshCustomerStatsWorkflow.runAsStep({ input: transform({ ids }, ({ ids }) => [ids.survivor_id, ...ids.merged_ids]) })
  reviewLoyaltyTierWorkflow.runAsStep({ input: transform({ ids }, ({ ids }) => ({ customer_id: ids.survivor_id })) })
  emitEventStep({ eventName: CUSTOMERS_MERGED_EVENT, data: ids })
  return new WorkflowResponse({ survivor_id: ids.survivor_id, merged_ids: ids.merged_ids, moved, audit })
})
