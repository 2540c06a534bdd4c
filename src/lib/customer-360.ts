/**
 * The purchase side of the customer 360: lifetime value, order count,
 * average order value, first and last purchase, favourite metal and category.
 * Amounts stay in Medusa's BigNumber arithmetic (no float sums).
 */
import { MathBN } from "@medusajs/framework/utils"

export type OrderForSummary = {
  created_at: string | Date
  status: string
  total: number | string
  items?: { quantity: number; metal?: string | null; category?: string | null }[]
}

export type PurchaseSummary = {
  lifetime_value: number
  order_count: number
  average_order_value: number
  first_purchase_at: string | null
  last_purchase_at: string | null
  favourite_metal: string | null
  favourite_category: string | null
}

/** The most bought value by pieces; ties go to the one bought first in the list. */
function favourite(counts: Map<string, number>): string | null {
  let best: string | null = null
  let most = 0
  for (const [value, count] of counts) {
    if (count > most) {
      best = value
      most = count
    }
  }
  return best
}

export function summarisePurchases(orders: OrderForSummary[]): PurchaseSummary {
  const placed = orders.filter((o) => o.status !== "canceled" && o.status !== "draft")
  const ltv = placed.length ? MathBN.sum(...placed.map((o) => o.total)) : MathBN.convert(0)
  const dates = placed.map((o) => new Date(o.created_at).getTime()).sort((a, b) => a - b)
  const metals = new Map<string, number>()
  const categories = new Map<string, number>()
  for (const order of placed) {
    for (const item of order.items ?? []) {
      if (item.metal) {
        metals.set(item.metal, (metals.get(item.metal) ?? 0) + item.quantity)
      }
      if (item.category) {
        categories.set(item.category, (categories.get(item.category) ?? 0) + item.quantity)
      }
    }
  }
  return {
    lifetime_value: MathBN.convert(ltv, 2).toNumber(),
    order_count: placed.length,
    average_order_value: placed.length ? MathBN.convert(MathBN.div(ltv, placed.length), 2).toNumber() : 0,
    first_purchase_at: dates.length ? new Date(dates[0]).toISOString() : null,
    last_purchase_at: dates.length ? new Date(dates[dates.length - 1]).toISOString() : null,
    favourite_metal: favourite(metals),
    favourite_category: favourite(categories),
  }
}
