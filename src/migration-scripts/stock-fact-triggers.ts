import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { BRANCH_LOCATION_LINK_TABLE, VARIANT_JEWELRY_LINK_TABLE } from "../lib/link-tables"
import { ALL_STOCK, STOCK_FACT_CHANGES } from "../modules/analytics/queries/stock-facts"

/**
 * Each table (named for its trigger) a stock level's row in `stock_fact` is made from, and how a
 * changed row of it (`changed`, the statement's rows) leads to the inventory
 * items whose rows it changes.
 */
const SOURCES: { name: string; table: string; items: string }[] = [
  { name: "level", table: "inventory_level", items: `select inventory_item_id from changed` },
  { name: "variant_item", table: "product_variant_inventory_item", items: `select inventory_item_id from changed` },
  {
    name: "variant_jewelry",
    table: VARIANT_JEWELRY_LINK_TABLE,
    items: `select pvi.inventory_item_id from changed c join product_variant_inventory_item pvi on pvi.variant_id = c.product_variant_id and pvi.deleted_at is null`,
  },
  {
    name: "jewelry",
    table: "jewelry_attributes",
    items: `select pvi.inventory_item_id from changed c
              join ${VARIANT_JEWELRY_LINK_TABLE} vj on vj.jewelry_attributes_id = c.id and vj.deleted_at is null
              join product_variant_inventory_item pvi on pvi.variant_id = vj.product_variant_id and pvi.deleted_at is null`,
  },
  {
    name: "piece_cost",
    table: "piece_cost",
    items: `select pvi.inventory_item_id from changed c join product_variant_inventory_item pvi on pvi.variant_id = c.variant_id and pvi.deleted_at is null`,
  },
  {
    name: "category_product",
    table: "product_category_product",
    items: `select pvi.inventory_item_id from changed c
              join product_variant v on v.product_id = c.product_id
              join product_variant_inventory_item pvi on pvi.variant_id = v.id and pvi.deleted_at is null`,
  },
  {
    name: "category",
    table: "product_category",
    items: `select pvi.inventory_item_id from changed c
              join product_category_product pcp on pcp.product_category_id = c.id
              join product_variant v on v.product_id = pcp.product_id
              join product_variant_inventory_item pvi on pvi.variant_id = v.id and pvi.deleted_at is null`,
  },
  {
    name: "branch_location",
    table: BRANCH_LOCATION_LINK_TABLE,
    items: `select il.inventory_item_id from changed c join inventory_level il on il.location_id = c.stock_location_id and il.deleted_at is null`,
  },
]

/**
 * The stock table's change log (docs/reports.md, "The stock table"): every
 * statement that changes a stock level, a link between a piece and its
 * stock, a piece's attributes or cost, a category or a branch's location
 * notes the inventory items it touched, in the same transaction. Statement
 * triggers with transition tables, so a repricing of 100 000 pieces notes
 * them in one insert per statement, not one per row; the log is append-only
 * (no unique key), so a sale never waits on a report reading it. The first
 * report after this script builds the whole table (the ALL_STOCK entry).
 * A migration script, not a module migration: the triggers sit on Medusa's
 * tables and the links', which exist once every module has migrated.
 */
export default async function stockFactTriggers({ container }: { container: MedusaContainer }) {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  await db.transaction(async (trx) => {
    await trx.raw(`create table if not exists ${STOCK_FACT_CHANGES} (seq bigserial primary key, inventory_item_id text not null)`)
    for (const { name, table, items } of SOURCES) {
      const fn = `stock_facts_from_${name}`
      await trx.raw(
        `create or replace function ${fn}() returns trigger language plpgsql as $$
         begin
           insert into ${STOCK_FACT_CHANGES} (inventory_item_id) select distinct inventory_item_id from (${items}) i where inventory_item_id is not null;
           return null;
         end $$`
      )
      for (const [event, rows] of [["insert", "new"], ["update", "new"], ["delete", "old"]] as const) {
        const trigger = `stock_facts_${event}_${name}`
        await trx.raw(`drop trigger if exists ${trigger} on ${table}`)
        await trx.raw(`create trigger ${trigger} after ${event} on ${table} referencing ${rows} table as changed for each statement execute function ${fn}()`)
      }
    }
    await trx.raw(`insert into ${STOCK_FACT_CHANGES} (inventory_item_id) values (?)`, [ALL_STOCK])
  })
}
