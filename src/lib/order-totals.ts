import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * The summary of an order's current version, for set-based reads of orders
 * aliased `o` (joined as `s`), and the total Medusa keeps in it:
 * `current_order_total` follows edits, exchanges and received returns as the
 * computed `total` does (equal on every order of the demo shop). Null where
 * an order has no summary: see ordersWithoutSummary.
 */
export const ORDER_SUMMARY_JOIN_SQL = "left join order_summary s on s.order_id = o.id and s.version = o.version and s.deleted_at is null"
export const ORDER_SUMMARY_TOTAL_SQL = "s.totals->>'current_order_total'"

/**
 * The orders among `rows` read without a summary total, read again through
 * Medusa's query graph with `fields` (which computes `total`), by id.
 * Reading every order through the graph builds each with its lines, tax
 * lines and adjustments to compute the total again (docs/benchmarks.md,
 * "Where the counter sale's time goes").
 */
export async function ordersWithoutSummary<T extends { id: string }>(
  container: MedusaContainer,
  rows: { id: string; total: string | null }[],
  fields: string[]
): Promise<Map<string, T>> {
  const ids = rows.filter((o) => o.total === null).map((o) => o.id)
  if (!ids.length) {
    return new Map()
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order", fields, filters: { id: ids } })
  return new Map((data as unknown as T[]).map((o) => [o.id, o]))
}
