import { BigNumber } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"
import type { CustomerAggregate } from "./aggregate-customer-orders"

type StoredStats = {
  id: string
  customer_id: string
  currency_code: string
  order_count: number
  raw_lifetime_value: { value: string }
  first_order_at: Date | null
  last_order_at: Date | null
  metal_counts: Record<string, number> | null
  category_counts: Record<string, number> | null
  recent_orders: unknown[] | null
}

/** DML types a bigNumber column as number; a BigNumber keeps every paisa of the exact decimal. */
const money = (decimal: string) => new BigNumber(decimal) as unknown as number

const toRow = (a: CustomerAggregate) => ({
  customer_id: a.customer_id,
  currency_code: a.currency_code,
  order_count: a.order_count,
  lifetime_value: money(a.lifetime_value),
  first_order_at: a.first_purchase_at ? new Date(a.first_purchase_at) : null,
  last_order_at: a.last_purchase_at ? new Date(a.last_purchase_at) : null,
  metal_counts: a.metal_counts,
  category_counts: a.category_counts,
  // A json column is typed as an object; the array is stored as is.
  recent_orders: a.recent_orders as unknown as Record<string, unknown>,
})

/** Replaces each customer's stats row; compensation restores the rows as they were. */
export const storeCustomerStatsStep = createStep(
  "store-customer-stats",
  async (aggregates: CustomerAggregate[], { container }) => {
    const crm: CrmModuleService = container.resolve(CRM_MODULE)
    const existing = (await crm.listCustomerStats({ customer_id: aggregates.map((a) => a.customer_id) })) as unknown as StoredStats[]
    const byCustomer = new Map(existing.map((row) => [row.customer_id, row]))
    const updates = aggregates.filter((a) => byCustomer.has(a.customer_id))
    const creates = aggregates.filter((a) => !byCustomer.has(a.customer_id))
    if (updates.length) {
      await crm.updateCustomerStats(updates.map((a) => ({ id: byCustomer.get(a.customer_id)!.id, ...toRow(a) })))
    }
    const created = creates.length ? await crm.createCustomerStats(creates.map(toRow)) : []
    return new StepResponse(aggregates.length, {
      restore: updates.map((a) => byCustomer.get(a.customer_id)!),
      created: created.map((row) => row.id),
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const crm: CrmModuleService = container.resolve(CRM_MODULE)
    if (undo.restore.length) {
      await crm.updateCustomerStats(
        undo.restore.map(({ id, order_count, raw_lifetime_value, first_order_at, last_order_at, metal_counts, category_counts, currency_code, recent_orders }) => ({
          id,
          order_count,
          lifetime_value: money(raw_lifetime_value.value),
          first_order_at,
          last_order_at,
          metal_counts,
          category_counts,
          currency_code,
          recent_orders: recent_orders as unknown as Record<string, unknown> | null,
        }))
      )
    }
    if (undo.created.length) {
      await crm.deleteCustomerStats(undo.created)
    }
  }
)
