import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { amountToPaise } from "../../../lib/money"
import { ORDER_SUMMARY_JOIN_SQL, ORDER_SUMMARY_TOTAL_SQL, ordersWithoutSummary } from "../../../lib/order-totals"
import { orderPaymentState, type OrderPaymentFacts, type OrderPaymentState } from "../../../lib/paid-orders"

type OrderRow = {
  id: string
  status: string
  payment_collections?: ({ status: string; amount?: BigNumberInput | null; captured_amount?: BigNumberInput | null } | null)[] | null
}

/** The order fields orderPaymentFacts needs, for queries that read more of the order. */
export const ORDER_PAYMENT_FIELDS = ["status", "payment_collections.status", "payment_collections.amount", "payment_collections.captured_amount"]

/** An order row (read with ORDER_PAYMENT_FIELDS) as the paid-order rule reads it. */
export function orderPaymentFacts(order: Omit<OrderRow, "id">): OrderPaymentFacts {
  return {
    status: order.status,
    collections: (order.payment_collections ?? [])
      .filter((c): c is NonNullable<typeof c> => !!c)
      .map((c) => ({ status: c.status, amount_paise: amountToPaise(c.amount ?? 0), captured_paise: amountToPaise(c.captured_amount ?? 0) })),
  }
}

/** Where each order stands (src/lib/paid-orders); an unknown id is left out. */
export async function loadOrderPaymentStates(container: MedusaContainer, orderIds: string[]): Promise<Map<string, OrderPaymentState>> {
  if (!orderIds.length) {
    return new Map()
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", ...ORDER_PAYMENT_FIELDS],
    filters: { id: orderIds },
  })
  return new Map((data as unknown as OrderRow[]).map((o) => [o.id, orderPaymentState(orderPaymentFacts(o))]))
}

/** Whether findPaidOrderStep found an order, and a paid one: what earning its points and invoicing it wait for. */
export const foundPaidOrder = ({ found }: { found: { order_id: string | null; state: string | null } }) => !!found.order_id && found.state === "paid"

/** An order's total, as Medusa computes it, with its payment facts (ORDER_PAYMENT_FIELDS). */
export type OrderWithTotal = OrderRow & { total: BigNumberInput }

/**
 * The orders a customer placed since `since` (or the customer of the order
 * `customer.order_id`), each with its total as Medusa keeps it in the
 * order's summary (src/lib/order-totals.ts) and its payment collections, in
 * one statement, where the query graph built every order to compute its
 * total again. An order without a summary is read through the graph.
 */
export async function customerOrdersWithTotals(
  container: MedusaContainer,
  customer: { customer_id: string } | { order_id: string },
  since: Date
): Promise<{ customer_id: string | null; orders: OrderWithTotal[] }> {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const customerId =
    "customer_id" in customer
      ? customer.customer_id
      : (((await knex.raw(`select customer_id from "order" where id = ? and deleted_at is null`, [customer.order_id])) as { rows: { customer_id: string | null }[] }).rows[0]?.customer_id ?? null)
  if (!customerId) {
    return { customer_id: null, orders: [] }
  }
  const { rows } = (await knex.raw(
    `select o.id, o.status, ${ORDER_SUMMARY_TOTAL_SQL} as total,
            coalesce((select json_agg(json_build_object('status', pc.status, 'amount', pc.raw_amount->>'value', 'captured_amount', pc.raw_captured_amount->>'value'))
                        from order_payment_collection l join payment_collection pc on pc.id = l.payment_collection_id and pc.deleted_at is null
                       where l.order_id = o.id and l.deleted_at is null), '[]') as payment_collections
       from "order" o
       ${ORDER_SUMMARY_JOIN_SQL}
      where o.customer_id = ? and o.created_at >= ? and o.deleted_at is null`,
    [customerId, since]
  )) as { rows: (Omit<OrderWithTotal, "total"> & { total: string | null })[] }
  const computed = await ordersWithoutSummary<OrderWithTotal>(container, rows, ["id", "total", ...ORDER_PAYMENT_FIELDS])
  return { customer_id: customerId, orders: rows.map((o) => computed.get(o.id) ?? { ...o, total: o.total! }) }
}
