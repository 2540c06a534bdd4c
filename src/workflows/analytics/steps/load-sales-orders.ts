import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import { BRANCH_CHANNEL_LINK_TABLE, productCategorySql, VARIANT_JEWELRY_LINK_TABLE } from "../../../lib/link-tables"
import { amountToPaise, percentToBp } from "../../../lib/money"
import type { FactOrder } from "../../../lib/sales-facts"

type OrderRow = { order_id: string; status: string; customer_id: string | null; branch_id: string | null; counter_user: string | null; counter: boolean; link_user: string | null; via_link: boolean }
type ItemRow = {
  order_id: string
  item_id: string
  added_at: Date
  variant_id: string | null
  quantity: string
  unit_price: string
  is_tax_inclusive: boolean
  adjustments: string
  tax_rate: string
  making: string | null
  metal: string | null
  purity: number | null
  gross_weight_mg: number | null
  net_weight_mg: number | null
  category: string | null
}
type ReturnRow = { order_id: string; return_id: string; received_at: Date; item_id: string; quantity: string }

/**
 * The orders as the sales facts read them, in three set-based reads: the
 * orders with their branch (through the sales channel) and how they were
 * sold (a counter sale, a paid payment link, else online), their current
 * lines with the pieces' metal, purity, weights and category, and their
 * received returns. Draft orders are not sales.
 */
export async function loadSalesOrders(container: MedusaContainer, orderIds: string[]): Promise<FactOrder[]> {
  if (!orderIds.length) {
    return []
  }
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const ids = db.raw("?::text[]", [orderIds])
  const [orders, items, returns] = await Promise.all([
    db.raw(
      `select o.id as order_id, o.status, o.customer_id, bsc.branch_id,
              ps.user_id as counter_user, ps.id is not null as counter, pl.user_id as link_user, pl.id is not null as via_link
         from "order" o
         left join ${BRANCH_CHANNEL_LINK_TABLE} bsc on bsc.sales_channel_id = o.sales_channel_id and bsc.deleted_at is null
         left join lateral (select id, user_id from pos_sale where order_id = o.id and deleted_at is null order by created_at limit 1) ps on true
         left join lateral (select id, user_id from payment_link where order_id = o.id and status = 'paid' and deleted_at is null order by created_at limit 1) pl on true
        where o.id = any(?) and o.deleted_at is null and o.is_draft_order = false`,
      [ids]
    ),
    db.raw(
      // A line on the order from its first version was sold when the order was placed (its own created_at may be later:
      // an imported or back-dated order); a line that came later (an exchange, an edit) when it was added.
      `select oi.order_id, li.id as item_id, li.variant_id,
              case when (select min(v.version) from order_item v where v.item_id = li.id and v.deleted_at is null) > 1 then li.created_at else o.created_at end as added_at, oi.quantity::text, li.unit_price::text, li.is_tax_inclusive,
              coalesce((select sum(a.amount) from order_line_item_adjustment a where a.item_id = li.id and a.version = o.version and a.deleted_at is null), 0)::text as adjustments,
              coalesce((select sum(t.rate) from order_line_item_tax_line t where t.item_id = li.id and t.deleted_at is null), 0)::text as tax_rate,
              li.metadata->>'making_charge_paise' as making,
              ja.metal, ja.purity, ja.gross_weight_mg, ja.net_weight_mg,
              ${productCategorySql("li.product_id")} as category
         from "order" o
         join order_item oi on oi.order_id = o.id and oi.version = o.version and oi.deleted_at is null
         join order_line_item li on li.id = oi.item_id and li.deleted_at is null
         left join ${VARIANT_JEWELRY_LINK_TABLE} vj on vj.product_variant_id = li.variant_id and vj.deleted_at is null
         left join jewelry_attributes ja on ja.id = vj.jewelry_attributes_id and ja.deleted_at is null
        where o.id = any(?)
        order by li.id`,
      [ids]
    ),
    db.raw(
      `select r.order_id, r.id as return_id, coalesce(r.received_at, r.updated_at) as received_at, ri.item_id, ri.received_quantity::text as quantity
         from "return" r join return_item ri on ri.return_id = r.id and ri.deleted_at is null
        where r.order_id = any(?) and r.deleted_at is null and r.canceled_at is null
          and (r.received_at is not null or r.status in ('received', 'partially_received'))`,
      [ids]
    ),
  ])
  const itemsOf = groupBy((items as { rows: ItemRow[] }).rows)
  const returnsOf = groupBy((returns as { rows: ReturnRow[] }).rows)
  return (orders as { rows: OrderRow[] }).rows.map((o) => ({
    order_id: o.order_id,
    canceled: o.status === "canceled",
    customer_id: o.customer_id,
    branch_id: o.branch_id,
    channel: o.counter ? "counter" : o.via_link ? "payment_link" : "online",
    staff_user_id: o.counter ? o.counter_user : o.via_link ? o.link_user : null,
    items: (itemsOf.get(o.order_id) ?? []).map((i) => ({
      item_id: i.item_id,
      added_at: new Date(i.added_at),
      variant_id: i.variant_id,
      quantity: Number(i.quantity),
      unit_price_paise: amountToPaise(i.unit_price),
      adjustments_paise: amountToPaise(i.adjustments),
      is_tax_inclusive: i.is_tax_inclusive,
      tax_rate_bp: percentToBp(i.tax_rate),
      making_charge_paise: i.making === null || i.making === "" || !Number.isFinite(Number(i.making)) ? null : Math.round(Number(i.making)),
      metal: i.metal,
      purity: i.purity,
      category: i.category,
      gross_weight_mg: i.gross_weight_mg ?? 0,
      net_weight_mg: i.net_weight_mg ?? 0,
    })),
    returns: [...groupBy(returnsOf.get(o.order_id) ?? [], (r) => r.return_id).values()].map((rows) => ({
      return_id: rows[0].return_id,
      received_at: new Date(rows[0].received_at),
      items: rows.map((r) => ({ item_id: r.item_id, quantity: Number(r.quantity) })),
    })),
  }))
}

function groupBy<T extends { order_id: string }>(rows: T[], key: (row: T) => string = (r) => r.order_id): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const row of rows) {
    const k = key(row)
    const group = map.get(k)
    if (group) {
      group.push(row)
    } else {
      map.set(k, [row])
    }
  }
  return map
}

/** Reads only: the orders the facts are made from. */
export const loadSalesOrdersStep = createStep("load-sales-orders", async (orderIds: string[], { container }) => {
  return new StepResponse(await loadSalesOrders(container, orderIds))
})
