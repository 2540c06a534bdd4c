/**
 * Loads many customers and orders straight into the tables, for the
 * customer 360 and phone search benchmarks only. Each customer gets a CRM
 * profile (unique phone), its link row, `ordersEach` orders cloned from one
 * order the demo seed placed (order, line item, order item and summary rows,
 * as Medusa writes them), and its purchase aggregate. Ids carry "zbulk".
 */
import type { Client } from "pg"
import { LauncherError } from "../launcher/errors"

export type BulkCustomer = { id: string; phone: string; email: string }

export const bulkCustomer = (n: number): BulkCustomer => ({
  id: `cus_zbulk${String(n).padStart(7, "0")}`,
  // +91 97 then eight digits: apart from the demo customers' +91 9820… numbers.
  phone: `+9197${String(n).padStart(8, "0")}`,
  email: `bulk${n}@bench.example`,
})

export async function loadBulkCustomers(client: Client, count: number, ordersEach: number) {
  const { rows } = await client.query<{ n: string }>("select count(*) as n from customer where id like 'cus_zbulk%'")
  if (Number(rows[0].n) >= count) {
    return
  }
  const { rows: templates } = await client.query<{ order_id: string; item_id: string; line_item_id: string; total: string }>(
    `select o.id as order_id, oi.id as item_id, li.id as line_item_id, (s.totals->>'current_order_total') as total
       from "order" o
       join order_item oi on oi.order_id = o.id
       join order_line_item li on li.id = oi.item_id
       join order_summary s on s.order_id = o.id
      where o.customer_id is not null and o.deleted_at is null and o.status <> 'canceled'
      order by o.created_at limit 1`
  )
  // The demo's pieces, one after another on the cloned lines: customers buy different designs (what the preference
  // model learns from), while each line keeps the template's title and price.
  const { rows: pieces } = await client.query<{ variant_id: string }>(
    `select l.product_variant_id as variant_id from product_product_variant_jewelry_jewelry_attributes l
       join product_variant v on v.id = l.product_variant_id and v.deleted_at is null
      where l.deleted_at is null and v.id not like 'variant_zbulk%'
      order by l.product_variant_id limit 500`
  )
  if (!templates.length) {
    throw new LauncherError("the demo seed placed no order to clone")
  }
  const t = templates[0]
  const orders = count * ordersEach
  await client.query("begin")
  try {
    await client.query(
      `insert into customer (id, first_name, last_name, email, has_account, created_at, updated_at)
       select 'cus_zbulk' || lpad(g::text, 7, '0'), 'Bulk', 'Customer ' || g, 'bulk' || g || '@bench.example', false, now(), now()
         from generate_series(1, $1::int) g`,
      [count]
    )
    await client.query(
      `insert into customer_profile (id, phone, birthday, preferred_metals, preferred_purities, preferred_categories, tags, created_at, updated_at)
       select 'cprof_zbulk' || lpad(g::text, 7, '0'), '+9197' || lpad(g::text, 8, '0'),
              date '1960-01-01' + (g % 15000), '{gold}', '{}', '{}', '{}', now(), now()
         from generate_series(1, $1::int) g`,
      [count]
    )
    await client.query(
      `insert into customer_customer_crm_customer_profile (id, customer_id, customer_profile_id)
       select 'cuscp_zbulk' || lpad(g::text, 7, '0'), 'cus_zbulk' || lpad(g::text, 7, '0'), 'cprof_zbulk' || lpad(g::text, 7, '0')
         from generate_series(1, $1::int) g`,
      [count]
    )
    // Order g belongs to customer ceil(g / ordersEach), placed some day in the last year.
    await client.query(
      `insert into "order" (id, region_id, customer_id, version, sales_channel_id, status, is_draft_order, email, currency_code, created_at, updated_at)
       select 'order_zbulk' || lpad(g::text, 8, '0'), o.region_id, 'cus_zbulk' || lpad((((g - 1) / $2::int) + 1)::text, 7, '0'), 1,
              o.sales_channel_id, o.status, false, 'bulk' || (((g - 1) / $2::int) + 1) || '@bench.example', o.currency_code,
              now() - ((g::bigint * 7919) % 365) * interval '1 day', now()
         from generate_series(1, $1::int) g, "order" o where o.id = $3`,
      [orders, ordersEach, t.order_id]
    )
    await client.query(
      `insert into order_line_item (id, title, subtitle, variant_id, product_id, product_title, variant_sku, variant_title,
                                    requires_shipping, is_discountable, is_tax_inclusive, unit_price, raw_unit_price, is_custom_price, is_giftcard)
       select 'ordli_zbulk' || lpad(g::text, 8, '0'), li.title, li.subtitle,
              coalesce(($3::text[])[1 + ((g::bigint * 7919) % greatest(cardinality($3::text[]), 1))], li.variant_id), li.product_id,
              li.product_title, li.variant_sku, li.variant_title, li.requires_shipping, li.is_discountable, li.is_tax_inclusive,
              li.unit_price, li.raw_unit_price, li.is_custom_price, li.is_giftcard
         from generate_series(1, $1::int) g, order_line_item li where li.id = $2`,
      [orders, t.line_item_id, pieces.map((p) => p.variant_id)]
    )
    await client.query(
      `insert into order_item (id, order_id, version, item_id, quantity, raw_quantity, fulfilled_quantity, raw_fulfilled_quantity,
                               shipped_quantity, raw_shipped_quantity, return_requested_quantity, raw_return_requested_quantity,
                               return_received_quantity, raw_return_received_quantity, return_dismissed_quantity, raw_return_dismissed_quantity,
                               written_off_quantity, raw_written_off_quantity, delivered_quantity, raw_delivered_quantity, unit_price, raw_unit_price)
       select 'orditem_zbulk' || lpad(g::text, 8, '0'), 'order_zbulk' || lpad(g::text, 8, '0'), 1, 'ordli_zbulk' || lpad(g::text, 8, '0'),
              oi.quantity, oi.raw_quantity, oi.fulfilled_quantity, oi.raw_fulfilled_quantity, oi.shipped_quantity, oi.raw_shipped_quantity,
              oi.return_requested_quantity, oi.raw_return_requested_quantity, oi.return_received_quantity, oi.raw_return_received_quantity,
              oi.return_dismissed_quantity, oi.raw_return_dismissed_quantity, oi.written_off_quantity, oi.raw_written_off_quantity,
              oi.delivered_quantity, oi.raw_delivered_quantity, oi.unit_price, oi.raw_unit_price
         from generate_series(1, $1::int) g, order_item oi where oi.id = $2`,
      [orders, t.item_id]
    )
    await client.query(
      `insert into order_summary (id, order_id, version, totals, created_at, updated_at)
       select 'ordsum_zbulk' || lpad(g::text, 8, '0'), 'order_zbulk' || lpad(g::text, 8, '0'), 1, s.totals, now(), now()
         from generate_series(1, $1::int) g, order_summary s where s.order_id = $2`,
      [orders, t.order_id]
    )
    // The aggregate the order events would have kept: every cloned order has the template's total and piece.
    await client.query(
      `insert into customer_stats (id, customer_id, currency_code, order_count, lifetime_value, raw_lifetime_value,
                                   first_order_at, last_order_at, metal_counts, category_counts, recent_orders)
       select 'cstat_' || substr(o.customer_id, 5), o.customer_id, 'inr', count(*),
              $1::numeric * count(*), jsonb_build_object('value', ($1::numeric * count(*))::text, 'precision', 20),
              min(o.created_at), max(o.created_at), '{"gold": 1}'::jsonb, '{"rings": 1}'::jsonb,
              jsonb_agg(jsonb_build_object(
                'id', o.id, 'display_id', o.display_id, 'created_at', o.created_at, 'status', o.status, 'total', $1::numeric,
                'currency_code', o.currency_code,
                'items', jsonb_build_array(jsonb_build_object('title', li.title, 'quantity', 1, 'variant_id', li.variant_id))
              ) order by o.created_at desc)
         from "order" o join order_line_item li on li.id = $2
        where o.id like 'order_zbulk%'
        group by o.customer_id`,
      [t.total, t.line_item_id]
    )
    await client.query("commit")
  } catch (e) {
    await client.query("rollback")
    throw e
  }
  await client.query("analyze")
}
