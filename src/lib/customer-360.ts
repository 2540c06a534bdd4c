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

/** Purchases of one customer as stored per customer (CRM `customer_stats`). */
export type PurchaseAggregate = {
  order_count: number
  /** Exact decimal string in the order currency. */
  lifetime_value: string
  first_purchase_at: string | null
  last_purchase_at: string | null
  /** Pieces bought per metal and per category handle. */
  metal_counts: Record<string, number>
  category_counts: Record<string, number>
}

/** The most bought value by pieces; ties go to the alphabetically first, so the answer never depends on key order. */
function favourite(counts: Record<string, number>): string | null {
  let best: string | null = null
  for (const [value, count] of Object.entries(counts)) {
    if (best === null || count > counts[best] || (count === counts[best] && value < best)) {
      best = value
    }
  }
  return best && counts[best] > 0 ? best : null
}

/** Orders (placed, not cancelled or draft) reduced to the per-customer aggregate. */
export function aggregatePurchases(orders: OrderForSummary[]): PurchaseAggregate {
  const placed = orders.filter((o) => o.status !== "canceled" && o.status !== "draft")
  const ltv = placed.length ? MathBN.sum(...placed.map((o) => o.total)) : MathBN.convert(0)
  const dates = placed.map((o) => new Date(o.created_at).getTime()).sort((a, b) => a - b)
  const metal_counts: Record<string, number> = {}
  const category_counts: Record<string, number> = {}
  for (const order of placed) {
    for (const item of order.items ?? []) {
      if (item.metal) {
        metal_counts[item.metal] = (metal_counts[item.metal] ?? 0) + item.quantity
      }
      if (item.category) {
        category_counts[item.category] = (category_counts[item.category] ?? 0) + item.quantity
      }
    }
  }
  return {
    order_count: placed.length,
    lifetime_value: MathBN.convert(ltv, 2).toString(),
    first_purchase_at: dates.length ? new Date(dates[0]).toISOString() : null,
    last_purchase_at: dates.length ? new Date(dates[dates.length - 1]).toISOString() : null,
    metal_counts,
    category_counts,
  }
}

/** The 360's purchase summary from the stored aggregate. */
export function presentPurchases(aggregate: Omit<PurchaseAggregate, "lifetime_value"> & { lifetime_value: string | number }): PurchaseSummary {
  const ltv = MathBN.convert(aggregate.lifetime_value, 2)
  return {
    lifetime_value: ltv.toNumber(),
    order_count: aggregate.order_count,
    average_order_value: aggregate.order_count ? MathBN.convert(MathBN.div(ltv, aggregate.order_count), 2).toNumber() : 0,
    first_purchase_at: aggregate.first_purchase_at ? new Date(aggregate.first_purchase_at).toISOString() : null,
    last_purchase_at: aggregate.last_purchase_at ? new Date(aggregate.last_purchase_at).toISOString() : null,
    favourite_metal: favourite(aggregate.metal_counts ?? {}),
    favourite_category: favourite(aggregate.category_counts ?? {}),
  }
}

export function summarisePurchases(orders: OrderForSummary[]): PurchaseSummary {
  return presentPurchases(aggregatePurchases(orders))
}

export type RecentOrder = {
  id: string
  display_id: number
  created_at: string
  status: string
  total: number
  currency_code: string
  items: { title: string; quantity: number; variant_id: string | null }[]
}

/** The newest `count` orders (any status), as the 360 lists them. */
export function recentOrders(orders: (RecentOrder & { created_at: string | Date })[], count = 5): RecentOrder[] {
  return [...orders]
    .sort((a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime() || b.display_id - a.display_id)
    .slice(0, count)
    .map((o) => ({
      id: o.id,
      display_id: o.display_id,
      created_at: new Date(o.created_at).toISOString(),
      status: o.status,
      total: Number(o.total),
      currency_code: o.currency_code,
      items: (o.items ?? []).map((i) => ({ title: i.title, quantity: Number(i.quantity), variant_id: i.variant_id ?? null })),
    }))
}
