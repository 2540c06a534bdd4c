/**
 * The demo year's bills paid as the counter pays them (docs/demo-shop.md):
 * each demo order gets a payment collection for its total and, per tender,
 * a payment of the in-store provider (cash, UPI, card), captured, with the
 * order's transaction — then dated to the sale, so each past day's
 * payment reconciliation shows that day's takings by branch and tender.
 * Orders that already have a payment collection, and cancelled ones, are
 * left alone.
 */
import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { amountToPaise, paiseToAmount } from "../../lib/money"
import { entityIds } from "../../lib/ids"
import { BRANCH_CHANNEL_LINK_TABLE, BRANCH_LOCATION_LINK_TABLE } from "../../lib/link-tables"
import { pgArray } from "../../lib/pg-array"
import { demoTenders } from "./tenders"

type Log = (message: string) => void

const BATCH = 200
type UnpaidOrder = { id: string; display_id: number; created_at: Date; total_paise: number }

/** Answers how many orders it paid. */
export async function ensureDemoPayments(container: MedusaContainer, log: Log): Promise<number> {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await db.raw(
    `select o.id from "order" o
      where o.deleted_at is null and o.metadata ? 'demo_row' and o.status <> 'canceled'
        and not exists (select 1 from order_payment_collection opc where opc.order_id = o.id and opc.deleted_at is null)
      order by o.display_id`
  )) as { rows: { id: string }[] }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const payments = container.resolve(Modules.PAYMENT)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const orderModule = container.resolve(Modules.ORDER)
  for (let start = 0; start < rows.length; start += BATCH) {
    // Each order's total as Medusa computes it (with GST), which is what the counter collects.
    const { data } = await query.graph({ entity: "order", fields: ["id", "display_id", "created_at", "total"], filters: { id: rows.slice(start, start + BATCH).map((r) => r.id) } })
    const batch: UnpaidOrder[] = (data as unknown as { id: string; display_id: number; created_at: Date; total: unknown }[])
      .map((o) => ({ id: o.id, display_id: o.display_id, created_at: o.created_at, total_paise: amountToPaise(o.total as BigNumberInput) }))
      .sort((a, b) => a.display_id - b.display_id)
    const collections = await payments.createPaymentCollections(batch.map((o) => ({ currency_code: "inr", amount: paiseToAmount(o.total_paise) })))
    await link.create(batch.map((o, i) => ({ [Modules.ORDER]: { order_id: o.id }, [Modules.PAYMENT]: { payment_collection_id: collections[i].id } })))
    const lines = batch.flatMap((o, i) => demoTenders(o.display_id, o.total_paise).map((t) => ({ order_id: o.id, collection_id: collections[i].id, kind: t.kind, amount: paiseToAmount(t.amount_paise), paise: t.amount_paise })))
    const [sessionIds, paymentIds, captureIds] = ["payses", "pay", "capt"].map((prefix) => entityIds(prefix, lines.length))
    await recordCapturedTenders(
      db,
      lines.map((l, n) => ({ ...l, session_id: sessionIds[n], payment_id: paymentIds[n], capture_id: captureIds[n] }))
    )
    const transactions = lines.map((l, n) => ({ order_id: l.order_id, amount: l.amount, currency_code: "inr", reference: "capture", reference_id: captureIds[n] }))
    await orderModule.addOrderTransactions(transactions)
    await dateToTheSale(db, batch.map((o) => o.id))
    log(`demo payments: ${Math.min(start + BATCH, rows.length)} / ${rows.length}`)
  }
  return rows.length
}

export type TenderRow = { order_id: string; collection_id: string; kind: string; amount: number; paise: number; session_id: string; payment_id: string; capture_id: string }

/**
 * Each tender as the in-store provider leaves it when the counter records it
 * (src/workflows/pos/steps/record-tender-payments.ts): a session authorised,
 * its payment captured at once, and the collection completed — written set
 * based, as the demo seed writes its orders: through the payment module one
 * tender at a time, a year of bills would add minutes to the first start.
 */
export async function recordCapturedTenders(db: Knex, tenders: TenderRow[]) {
  const rows = `jsonb_to_recordset(?::jsonb) as t(order_id text, collection_id text, kind text, amount numeric, paise bigint, session_id text, payment_id text, capture_id text)`
  const raw = `jsonb_build_object('value', t.amount::text, 'precision', 20)`
  const json = JSON.stringify(tenders)
  await db.transaction(async (trx) => {
    await trx.raw(
      `insert into payment_session (id, currency_code, amount, raw_amount, provider_id, data, context, status, authorized_at, payment_collection_id)
       select t.session_id, 'inr', t.amount, ${raw}, 'pp_instore_' || t.kind,
              jsonb_build_object('tender', t.kind, 'reference', null, 'tendered_paise', t.paise), '{}'::jsonb, 'authorized', now(), t.collection_id
         from ${rows}`,
      [json]
    )
    await trx.raw(
      `insert into payment (id, amount, raw_amount, currency_code, provider_id, data, captured_at, payment_collection_id, payment_session_id)
       select t.payment_id, t.amount, ${raw}, 'inr', 'pp_instore_' || t.kind,
              jsonb_build_object('tender', t.kind, 'reference', null, 'tendered_paise', t.paise), now(), t.collection_id, t.session_id
         from ${rows}`,
      [json]
    )
    await trx.raw(`insert into capture (id, amount, raw_amount, payment_id) select t.capture_id, t.amount, ${raw}, t.payment_id from ${rows}`, [json])
    await trx.raw(
      `update payment_collection pc
          set authorized_amount = pc.amount, raw_authorized_amount = pc.raw_amount, captured_amount = pc.amount, raw_captured_amount = pc.raw_amount,
              status = 'completed', completed_at = now()
        where pc.id in (select distinct t.collection_id from ${rows})`,
      [json]
    )
  })
}

/** The collections, sessions, payments, captures and transactions of these orders dated a few minutes after each sale. */
async function dateToTheSale(db: Knex, orderIds: string[]) {
  const at = `o.created_at + interval '4 minutes'`
  const orders = `select opc.payment_collection_id, o.id as order_id, o.created_at from order_payment_collection opc join "order" o on o.id = opc.order_id where opc.order_id = any(?::text[]) and opc.deleted_at is null`
  const ids = pgArray(orderIds)
  await db.transaction(async (trx) => {
    await trx.raw(`update payment_collection pc set created_at = ${at}, completed_at = ${at} from (${orders}) o where pc.id = o.payment_collection_id`, [ids])
    await trx.raw(`update payment_session ps set created_at = ${at}, authorized_at = ${at} from (${orders}) o where ps.payment_collection_id = o.payment_collection_id`, [ids])
    await trx.raw(`update payment p set created_at = ${at}, captured_at = ${at} from (${orders}) o where p.payment_collection_id = o.payment_collection_id`, [ids])
    await trx.raw(
      `update capture c set created_at = ${at} from payment p, (${orders}) o where c.payment_id = p.id and p.payment_collection_id = o.payment_collection_id`,
      [ids]
    )
    await trx.raw(`update order_transaction t set created_at = ${at} from (${orders}) o where t.order_id = o.order_id`, [ids])
  })
}

/**
 * The demo year's pieces handed over at the counter, as the counter records
 * it (src/workflows/pos/steps/hand-over-pos-order.ts): a fulfilment from the
 * branch's location, packed and delivered a few minutes after the sale,
 * linked to the order, its items fulfilled and delivered. The stock the demo
 * seeds is what remained after these sales, so no stock moves here. Orders
 * with a fulfilment, and cancelled ones, are left alone; answers how many
 * were handed over.
 */
export async function ensureDemoHandOvers(container: MedusaContainer, log: Log): Promise<number> {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await db.raw(
    `select o.id as order_id, bsl.stock_location_id as location_id, ${HANDED_OVER} as handed_over_at
       from "order" o
       join ${BRANCH_CHANNEL_LINK_TABLE} bsc on bsc.sales_channel_id = o.sales_channel_id and bsc.deleted_at is null
       join ${BRANCH_LOCATION_LINK_TABLE} bsl on bsl.branch_id = bsc.branch_id and bsl.deleted_at is null
      where o.deleted_at is null and o.metadata ? 'demo_row' and o.status <> 'canceled'
        and not exists (select 1 from order_fulfillment ofl where ofl.order_id = o.id and ofl.deleted_at is null)
      order by o.display_id`
  )) as { rows: { order_id: string; location_id: string; handed_over_at: Date }[] }
  for (let start = 0; start < rows.length; start += BATCH) {
    await recordHandOvers(container, rows.slice(start, start + BATCH))
    log(`demo hand-overs: ${Math.min(start + BATCH, rows.length)} / ${rows.length}`)
  }
  return rows.length
}

export type HandOver = { order_id: string; location_id: string; handed_over_at: Date; item_ids?: string[] }

/**
 * Pieces handed over at the counter: per order a fulfilment from the
 * branch's location, packed and delivered at `handed_over_at`, linked to the
 * order, its lines (all of them, or `item_ids`) fulfilled and delivered.
 */
export async function recordHandOvers(container: MedusaContainer, handOvers: HandOver[]) {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const fulfillmentIds = entityIds("ful", handOvers.length)
  const rows = handOvers.map((h, n) => ({ ...h, item_ids: h.item_ids ?? null, fulfillment_id: fulfillmentIds[n] }))
  const json = JSON.stringify(rows)
  const orders = `jsonb_to_recordset(?::jsonb) as h(order_id text, location_id text, handed_over_at timestamptz, item_ids text[], fulfillment_id text)`
  const lines = `join "order" o on o.id = h.order_id
           join order_item oi on oi.order_id = o.id and oi.version = o.version and oi.deleted_at is null and (h.item_ids is null or oi.item_id = any(h.item_ids))`
  await db.transaction(async (trx) => {
    await trx.raw(
      `insert into fulfillment (id, location_id, packed_at, shipped_at, delivered_at, provider_id, data, requires_shipping, created_at, updated_at)
       select h.fulfillment_id, h.location_id, h.handed_over_at, null, h.handed_over_at, 'manual_manual', '{}'::jsonb, false, h.handed_over_at, h.handed_over_at
         from ${orders}`,
      [json]
    )
    const { rows: items } = (await trx.raw(
      `select h.fulfillment_id, li.id as line_item_id, li.title, coalesce(li.variant_sku, '') as sku, coalesce(li.variant_barcode, '') as barcode,
              oi.quantity, pvi.inventory_item_id
         from ${orders}
         ${lines}
         join order_line_item li on li.id = oi.item_id
         left join product_variant_inventory_item pvi on pvi.variant_id = li.variant_id and pvi.deleted_at is null`,
      [json]
    )) as { rows: Record<string, unknown>[] }
    const ids = entityIds("fulit", items.length)
    await trx.raw(
      `insert into fulfillment_item (id, title, sku, barcode, quantity, raw_quantity, line_item_id, inventory_item_id, fulfillment_id)
       select i.id, i.title, i.sku, i.barcode, i.quantity, jsonb_build_object('value', i.quantity::text, 'precision', 20), i.line_item_id, i.inventory_item_id, i.fulfillment_id
         from jsonb_to_recordset(?::jsonb) as i(id text, title text, sku text, barcode text, quantity numeric, line_item_id text, inventory_item_id text, fulfillment_id text)`,
      [JSON.stringify(items.map((item, n) => ({ ...item, id: ids[n] })))]
    )
    // Fulfilled and delivered in full (picked up, never shipped), as Medusa's order change leaves a hand-over.
    await trx.raw(
      `update order_item oi
          set fulfilled_quantity = oi.quantity, raw_fulfilled_quantity = oi.raw_quantity,
              delivered_quantity = oi.quantity, raw_delivered_quantity = oi.raw_quantity
         from ${orders} join "order" o on o.id = h.order_id
        where oi.order_id = o.id and oi.version = o.version and oi.deleted_at is null and (h.item_ids is null or oi.item_id = any(h.item_ids))`,
      [json]
    )
  })
  await container
    .resolve(ContainerRegistrationKeys.LINK)
    .create(rows.map((h) => ({ [Modules.ORDER]: { order_id: h.order_id }, [Modules.FULFILLMENT]: { fulfillment_id: h.fulfillment_id } })))
}

/** A few minutes after the sale (`o` the order). */
const HANDED_OVER = `o.created_at + interval '5 minutes'`
