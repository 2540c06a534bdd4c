/**
 * Loads many rate-based pieces straight into the tables, for the reprice
 * benchmark only: going through the product workflows would take longer
 * than the benchmark itself. Each piece is a draft product variant (ten to a
 * product) with a price set, one INR price, its jewelry attributes and both
 * link rows, as the workflows would have written them. Ids sort after the
 * ids Medusa generates, so the rows are easy to tell apart and to remove.
 */
import type { Client } from "pg"

const PER_PRODUCT = 10

export async function loadBulkPieces(client: Client, count: number) {
  const { rows } = await client.query<{ n: string }>("select count(*) as n from jewelry_attributes where id like 'jattr_zbulk%'")
  const existing = Number(rows[0].n)
  if (existing >= count) {
    return existing
  }
  const from = existing + 1
  const products = Math.ceil(count / PER_PRODUCT)
  const firstProduct = Math.floor(existing / PER_PRODUCT) + 1
  await client.query("begin")
  try {
    await client.query(
      `insert into product (id, title, handle, status, is_giftcard, discountable)
       select 'prod_zbulk' || lpad(g::text, 7, '0'), 'Bulk piece set ' || g, 'zbulk-' || g, 'draft', false, true
         from generate_series($1::int, $2::int) g
       on conflict do nothing`,
      [firstProduct, products]
    )
    await client.query(
      `insert into product_variant (id, title, sku, product_id, manage_inventory)
       select 'variant_zbulk' || lpad(g::text, 7, '0'), 'Piece ' || g, 'ZBULK-' || g,
              'prod_zbulk' || lpad((((g - 1) / ${PER_PRODUCT}) + 1)::text, 7, '0'), false
         from generate_series($1::int, $2::int) g`,
      [from, count]
    )
    await client.query(
      `insert into price_set (id) select 'pset_zbulk' || lpad(g::text, 7, '0') from generate_series($1::int, $2::int) g`,
      [from, count]
    )
    await client.query(
      `insert into price (id, price_set_id, currency_code, amount, raw_amount, rules_count)
       select 'price_zbulk' || lpad(g::text, 7, '0'), 'pset_zbulk' || lpad(g::text, 7, '0'), 'inr', 1000,
              '{"value": "1000", "precision": 20}'::jsonb, 0
         from generate_series($1::int, $2::int) g`,
      [from, count]
    )
    await client.query(
      `insert into product_variant_price_set (id, variant_id, price_set_id)
       select 'pvps_zbulk' || lpad(g::text, 7, '0'), 'variant_zbulk' || lpad(g::text, 7, '0'), 'pset_zbulk' || lpad(g::text, 7, '0')
         from generate_series($1::int, $2::int) g`,
      [from, count]
    )
    // 2.000 g to 11.999 g of 22K, 18K or 14K gold; per-gram or percent making.
    await client.query(
      `insert into jewelry_attributes (id, metal, purity, gross_weight_mg, net_weight_mg, making_type, making_value, wastage_bp, tag_code, pricing_mode)
       select 'jattr_zbulk' || lpad(g::text, 7, '0'), 'gold', (array[916, 750, 585])[1 + g % 3],
              2000 + (g * 37) % 10000, 2000 + (g * 37) % 10000,
              case when g % 2 = 0 then 'per_gram' else 'percent' end,
              case when g % 2 = 0 then 40000 else 1200 end,
              500, 'ZBULK-' || g, 'rate_based'
         from generate_series($1::int, $2::int) g`,
      [from, count]
    )
    await client.query(
      `insert into product_product_variant_jewelry_jewelry_attributes (id, product_variant_id, jewelry_attributes_id)
       select 'pvja_zbulk' || lpad(g::text, 7, '0'), 'variant_zbulk' || lpad(g::text, 7, '0'), 'jattr_zbulk' || lpad(g::text, 7, '0')
         from generate_series($1::int, $2::int) g`,
      [from, count]
    )
    await client.query("commit")
  } catch (e) {
    await client.query("rollback")
    throw e
  }
  await client.query("analyze")
  return count
}

/**
 * Puts the first `count` bulk pieces in stock by SQL, one each, at the branches in turn, come in some day in the
 * last two years: an inventory item per piece, its link to the variant, and its stock level. What is in stock
 * already stays as it is, so a smaller call first (the stock audit's) leaves the same rows a larger one (the
 * stock report's) would have written.
 */
export async function stockBulkPieces(client: Client, count: number) {
  await client.query(
    `insert into inventory_item (id, sku) select 'iitem_zbulk' || lpad(g::text, 7, '0'), 'ZBULK-' || g from generate_series(1, $1::int) g on conflict do nothing`,
    [count]
  )
  await client.query(
    `insert into product_variant_inventory_item (id, variant_id, inventory_item_id)
     select 'pvitem_zbulk' || lpad(g::text, 7, '0'), 'variant_zbulk' || lpad(g::text, 7, '0'), 'iitem_zbulk' || lpad(g::text, 7, '0')
       from generate_series(1, $1::int) g on conflict do nothing`,
    [count]
  )
  await client.query(
    `insert into inventory_level (id, inventory_item_id, location_id, stocked_quantity, raw_stocked_quantity, created_at)
     select 'ilev_zbulk' || lpad(g::text, 7, '0'), 'iitem_zbulk' || lpad(g::text, 7, '0'), l.locations[1 + g % array_length(l.locations, 1)], 1,
            '{"value": "1", "precision": 20}', now() - ((g::bigint * 7919) % 730) * interval '1 day'
       from generate_series(1, $1::int) g,
            (select array_agg(stock_location_id order by stock_location_id) as locations from branch_branch_stock_location_stock_location where deleted_at is null) l
     on conflict do nothing`,
    [count]
  )
  await client.query("ANALYZE")
}
