/**
 * The preference model's data from the shop's own tables, in one read each:
 * every jewellery piece (a variant with jewellery attributes) as an item whose
 * design is its design code or, without one, its product (the sizes of one
 * design are variants of one product); and every sign of interest — a line
 * of a paid order, a wishlist entry, a piece named in a CRM
 * interaction (an enquiry's "products of interest").
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { productCategorySql, VARIANT_JEWELRY_LINK_TABLE } from "../../../lib/link-tables"
import { paidOrderSql } from "../../../lib/paid-orders"
import { pgArray } from "../../../lib/pg-array"
import type { Interaction, InteractionKind, Item } from "../../../lib/preferences/data"

/** A shop piece: an item with its product's title, which names its design in the 360. */
export type ShopItem = Item & { title: string }

/** Every piece, or only those named. */
export async function readShopItems(container: MedusaContainer, only?: { item_ids: string[] }): Promise<ShopItem[]> {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await db.raw(
    `select v.id as item_id, ja.metal, ja.purity, coalesce(${productCategorySql("v.product_id")}, 'uncategorised') as category,
            coalesce(ja.design_code, v.product_id) as design_code, ja.net_weight_mg,
            (ja.breakdown->>'taxable_value')::bigint as price_paise, p.title
       from ${VARIANT_JEWELRY_LINK_TABLE} l
       join product_variant v on v.id = l.product_variant_id and v.deleted_at is null
       join product p on p.id = v.product_id and p.deleted_at is null
       join jewelry_attributes ja on ja.id = l.jewelry_attributes_id and ja.deleted_at is null
      where l.deleted_at is null${only ? " and v.id = any(?::text[])" : ""}
      order by v.id`,
    only ? [pgArray(only.item_ids)] : []
  )) as { rows: (Omit<ShopItem, "price_paise" | "purity"> & { purity: number; price_paise: string | null })[] }
  return rows.map((r) => ({ ...r, purity: Number(r.purity), price_paise: r.price_paise === null ? null : Number(r.price_paise) }))
}

/** Every customer's interest, or one customer's. */
export async function readShopInteractions(container: MedusaContainer, only?: { customer_id: string }): Promise<Interaction[]> {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const of = (column: string) => (only ? ` and ${column} = ?` : "")
  const { rows } = (await db.raw(
    `select o.customer_id, li.variant_id as item_id, o.created_at as at, 'purchase' as kind
       from "order" o
       join order_item oi on oi.order_id = o.id and oi.version = o.version and oi.deleted_at is null
       join order_line_item li on li.id = oi.item_id and li.deleted_at is null
      where o.deleted_at is null and ${paidOrderSql("o")} and o.customer_id is not null and li.variant_id is not null${of("o.customer_id")}
     union all
     select w.customer_id, w.variant_id, w.created_at, 'wishlist' from wishlist_item w where w.deleted_at is null${of("w.customer_id")}
     union all
     select i.customer_id, unnest(i.products_of_interest), i.occurred_at, 'enquiry' from interaction i
      where i.deleted_at is null and i.kind <> 'purchase'${of("i.customer_id")}`,
    only ? [only.customer_id, only.customer_id, only.customer_id] : []
  )) as { rows: { customer_id: string; item_id: string; at: Date; kind: InteractionKind }[] }
  return rows
}

/**
 * The pieces and the interest in them that the model can learn from: interest in a piece deleted since it was
 * sold or asked about (no attributes left) is left out.
 */
export async function readShopData(container: MedusaContainer): Promise<{ items: ShopItem[]; interactions: Interaction[] }> {
  const [items, interactions] = await Promise.all([readShopItems(container), readShopInteractions(container)])
  const known = new Set(items.map((i) => i.item_id))
  return { items, interactions: interactions.filter((i) => known.has(i.item_id)) }
}

/** One customer's interest and the pieces it names (deleted pieces left out), for refreshing their shares after a purchase. */
export async function readCustomerData(container: MedusaContainer, customerId: string): Promise<{ items: ShopItem[]; interactions: Interaction[] }> {
  const interactions = await readShopInteractions(container, { customer_id: customerId })
  const items = interactions.length ? await readShopItems(container, { item_ids: [...new Set(interactions.map((i) => i.item_id))] }) : []
  const known = new Set(items.map((i) => i.item_id))
  return { items, interactions: interactions.filter((i) => known.has(i.item_id)) }
}
