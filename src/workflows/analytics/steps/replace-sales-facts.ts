import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { salesFactsOf, type FactOrder } from "../../../lib/sales-facts"
import { ANALYTICS_MODULE } from "../../../modules/analytics"
import type AnalyticsModuleService from "../../../modules/analytics/service"

export type ReplaceSalesFactsInput = {
  /** Every order asked for: one no longer there (deleted, a draft) loses its facts. */
  order_ids: string[]
  orders: FactOrder[]
}

/** Writes the orders' facts in place of what they had; compensation puts the old rows back. */
export const replaceSalesFactsStep = createStep(
  "replace-sales-facts",
  async ({ order_ids, orders }: ReplaceSalesFactsInput, { container }) => {
    // Step results reach the next step serialised: the dates come back as strings.
    const facts = orders
      .map((o) => ({
        ...o,
        items: o.items.map((i) => ({ ...i, added_at: new Date(i.added_at) })),
        returns: o.returns.map((r) => ({ ...r, received_at: new Date(r.received_at) })),
      }))
      .flatMap(salesFactsOf)
    const previous = await container.resolve<AnalyticsModuleService>(ANALYTICS_MODULE).replaceOrderFacts(order_ids, facts)
    return new StepResponse({ orders: order_ids.length, facts: facts.length }, { order_ids, previous })
  },
  async (undo, { container }) => {
    if (undo) {
      await container.resolve<AnalyticsModuleService>(ANALYTICS_MODULE).restoreOrderFacts(undo.order_ids, undo.previous)
    }
  }
)
