import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { amountToPaise } from "../../../lib/money"
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
