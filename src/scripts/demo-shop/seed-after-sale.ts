/**
 * The demo year's bills after the sale (docs/demo-shop.md, after-sale.ts
 * decides which): some cancelled before they were paid or handed over, some
 * with a piece brought back to the branch a few days later — received
 * through Medusa's order module, refunded on the bill's own tenders, its
 * share of the bill's points taken back, and dated to the day it came
 * back, so the sales report nets it out on that day and the reconciliation
 * shows the refund there.
 */
import type { BigNumberInput, CreateOrderExchangeDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import pLimit from "p-limit"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { BRANCH_CHANNEL_LINK_TABLE, BRANCH_LOCATION_LINK_TABLE } from "../../lib/link-tables"
import { amountToPaise, paiseToAmount } from "../../lib/money"
import { pgArray } from "../../lib/pg-array"
import { refreshCustomerStatsWorkflow } from "../../workflows/crm"
import { reversePointsForReturnWorkflow } from "../../workflows/loyalty"
import { entityIds } from "../../lib/ids"
import { demoAfterSale, refundShares } from "./after-sale"
import { demoLine, pricedPieces } from "./seed-customers"
import { recordCapturedTenders, recordHandOvers } from "./seed-payments"
import { demoTenders } from "./tenders"

type Log = (message: string) => void

/**
 * Cancels the demo bills after-sale.ts marks as cancelled, a few hours after
 * they were placed. Run before the payments and hand-overs, which pass
 * cancelled orders by. Answers how many it cancelled.
 */
export async function ensureDemoCancellations(container: MedusaContainer, log: Log): Promise<number> {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await db.raw(
    `select o.id, o.display_id, o.customer_id from "order" o
      where o.deleted_at is null and o.metadata ? 'demo_row' and o.status <> 'canceled'
        and not exists (select 1 from order_payment_collection opc where opc.order_id = o.id and opc.deleted_at is null)`
  )) as { rows: { id: string; display_id: number; customer_id: string | null }[] }
  const cancelled = rows.filter((o) => demoAfterSale(o.display_id, 1).kind === "canceled")
  if (!cancelled.length) {
    return 0
  }
  const ids = cancelled.map((o) => o.id)
  await container.resolve(Modules.ORDER).cancel(ids)
  await db.raw(`update "order" set canceled_at = created_at + interval '3 hours', updated_at = created_at + interval '3 hours' where id = any(?::text[])`, [pgArray(ids)])
  await refreshCustomerStats(container, cancelled.map((o) => o.customer_id))
  log(`demo cancellations: ${cancelled.length}`)
  return cancelled.length
}

type ReturnCandidate = { order_id: string; display_id: number; customer_id: string | null; created_at: Date; location_id: string; item_ids: string[] }

/**
 * Takes back one piece of each demo bill after-sale.ts marks as returned
 * (paid and handed over, and come back before `now`): a return received at
 * the bill's branch, the piece's price with GST refunded on the bill's
 * tenders, the order's refund transaction — dated to the day it came back.
 * Bills with a refund are left alone, and a return a stopped seed began is
 * finished; answers how many it took back.
 */
export async function ensureDemoReturns(container: MedusaContainer, log: Log, now = new Date()): Promise<number> {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await db.raw(
    `select o.id as order_id, o.display_id, o.customer_id, o.created_at, bsl.stock_location_id as location_id,
            array_agg(li.id order by li.variant_sku, li.id) as item_ids
       from "order" o
       join ${BRANCH_CHANNEL_LINK_TABLE} bsc on bsc.sales_channel_id = o.sales_channel_id and bsc.deleted_at is null
       join ${BRANCH_LOCATION_LINK_TABLE} bsl on bsl.branch_id = bsc.branch_id and bsl.deleted_at is null
       join order_item oi on oi.order_id = o.id and oi.version = o.version and oi.deleted_at is null
       join order_line_item li on li.id = oi.item_id
      where o.deleted_at is null and o.metadata ? 'demo_row' and o.status <> 'canceled'
        and exists (select 1 from order_fulfillment ofl where ofl.order_id = o.id and ofl.deleted_at is null)
        and exists (select 1 from order_payment_collection opc where opc.order_id = o.id and opc.deleted_at is null)
        and not exists (select 1 from order_transaction t where t.order_id = o.id and t.reference = 'refund' and t.deleted_at is null)
      group by o.id, bsl.stock_location_id
      order by o.display_id`
  )) as { rows: ReturnCandidate[] }
  const plans = rows.flatMap((o) => {
    const plan = demoAfterSale(o.display_id, o.item_ids.length)
    if (plan.kind !== "returned") {
      return []
    }
    const back = new Date(new Date(o.created_at).getTime() + plan.days_later * 86_400_000 + 2 * 3_600_000)
    return back < now ? [{ ...o, item_id: o.item_ids[plan.line], back }] : []
  })
  if (!plans.length) {
    return 0
  }
  const orders = container.resolve(Modules.ORDER)
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    // The items' totals are computed only when the order's total is asked for too.
    fields: ["id", "total", "items.id", "items.total", "payment_collections.payments.id", "payment_collections.payments.amount", "payment_collections.payments.created_at"],
    filters: { id: plans.map((p) => p.order_id) },
  })
  const orderOf = new Map(
    (data as unknown as { id: string; items: { id: string; total: BigNumberInput }[]; payment_collections: { payments: { id: string; amount: BigNumberInput; created_at: Date }[] }[] }[]).map((o) => [o.id, o])
  )
  // A few bills at a time: each is a handful of module calls, mostly waiting on the database.
  const limit = pLimit(4)
  const takeBack = async (plan: (typeof plans)[number]) => {
    const order = orderOf.get(plan.order_id)!
    // A return begun by a seed that stopped half-way is taken up again: its refund was noted on its item when it was made
    // (the line's total Medusa computes afterwards is what is left of it).
    const { rows: begunRows } = (await db.raw(
      `select r.id, r.status, ri.metadata from "return" r join return_item ri on ri.return_id = r.id and ri.deleted_at is null
        where r.order_id = ? and r.deleted_at is null and r.canceled_at is null limit 1`,
      [plan.order_id]
    )) as { rows: { id: string; status: string; metadata: { demo_refund_paise?: number } | null }[] }
    let ret = begunRows[0]
    if (!ret) {
      const metadata = { demo_refund_paise: amountToPaise(order.items.find((i) => i.id === plan.item_id)!.total) }
      const created = await orders.createReturn({
        order_id: plan.order_id,
        location_id: plan.location_id,
        items: [{ id: plan.item_id, quantity: 1, note: "Brought back at the counter", metadata }],
      })
      ret = { id: created.id, status: created.status, metadata }
    }
    if (ret.status !== "received") {
      await orders.receiveReturn({ return_id: ret.id, items: [{ id: plan.item_id, quantity: 1 }] })
    }
    // The share of the bill's points goes back as order.return_received has it done (once per return).
    await reversePointsForReturnWorkflow(container).run({ input: { return_id: ret.id } })
    await refundOnTheTenders(container, { id: plan.order_id, display_id: plan.display_id, payments: order.payment_collections.flatMap((c) => c.payments) }, {
      refund_paise: Number(ret.metadata?.demo_refund_paise),
      note: `Return of a piece of order #${plan.display_id}`,
      what: `return ${ret.id}`,
    })
    await dateToTheReturn(db, plan.order_id, ret.id, plan.back)
  }
  await Promise.all(plans.map((plan) => limit(() => takeBack(plan))))
  await refreshCustomerStats(container, plans.map((p) => p.customer_id))
  log(`demo returns: ${plans.length}`)
  return plans.length
}

type PaidBill = { id: string; display_id: number; payments: { id: string; amount: BigNumberInput; created_at: Date }[] }

/**
 * What is left of `refund_paise` (after the bill's refunds so far) refunded
 * on the bill's tenders in the order they were paid, and each refund booked
 * once as the order's refund transaction.
 */
async function refundOnTheTenders(container: MedusaContainer, order: PaidBill, { refund_paise, note, what }: { refund_paise: number; note: string; what: string }) {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const payments = container.resolve(Modules.PAYMENT)
  const paidIds = order.payments.map((p) => p.id)
  const refundedOf = async () => {
    const { rows } = (await db.raw(
      `select r.id, r.payment_id, r.amount, exists (select 1 from order_transaction t where t.reference = 'refund' and t.reference_id = r.id and t.deleted_at is null) as booked
         from refund r where r.payment_id = any(?::text[]) and r.deleted_at is null`,
      [pgArray(paidIds)]
    )) as { rows: { id: string; payment_id: string; amount: string; booked: boolean }[] }
    return rows
  }
  const before = await refundedOf()
  const refundedOn = (paymentId: string) => before.filter((r) => r.payment_id === paymentId).reduce((n, r) => n + amountToPaise(r.amount), 0)
  const left = refund_paise - before.reduce((n, r) => n + amountToPaise(r.amount), 0)
  const payable = [...order.payments]
    .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.id.localeCompare(b.id))
    .map((p) => ({ payment_id: p.id, paise: amountToPaise(p.amount) - refundedOn(p.id) }))
  for (const share of left > 0 ? refundShares(payable, left) : []) {
    await payments.refundPayment({ payment_id: share.payment_id, amount: paiseToAmount(share.paise), note })
  }
  const refunds = await refundedOf()
  if (!refunds.length) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `${what} of order #${order.display_id} has no refund to book`)
  }
  const unbooked = refunds.filter((r) => !r.booked)
  if (unbooked.length) {
    await container
      .resolve(Modules.ORDER)
      .addOrderTransactions(unbooked.map((r) => ({ order_id: order.id, amount: paiseToAmount(-amountToPaise(r.amount)), currency_code: "inr", reference: "refund", reference_id: r.id })))
  }
}

/** The return, its order change, the refunds, the refund transactions and the points taken back dated to the day the piece came back. */
async function dateToTheReturn(db: Knex, orderId: string, returnId: string, at: Date) {
  await db.transaction(async (trx) => {
    await trx.raw(`update "return" set created_at = ?, requested_at = ?, received_at = ?, updated_at = ? where id = ?`, [at, at, at, at, returnId])
    await trx.raw(`update return_item set created_at = ?, updated_at = ? where return_id = ?`, [at, at, returnId])
    await trx.raw(`update order_change set created_at = ?, updated_at = ?, confirmed_at = coalesce(confirmed_at, ?) where return_id = ?`, [at, at, at, returnId])
    await trx.raw(`update order_change_action set created_at = ?, updated_at = ? where return_id = ?`, [at, at, returnId])
    await trx.raw(
      `update refund r set created_at = ?, updated_at = ?
         from payment p join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id and opc.deleted_at is null
        where r.payment_id = p.id and opc.order_id = ?`,
      [at, at, orderId]
    )
    await trx.raw(`update order_transaction set created_at = ?, updated_at = ? where order_id = ? and reference = 'refund'`, [at, at, orderId])
    await trx.raw(`update points_entry set created_at = ?, updated_at = ? where idempotency_key like ?`, [at, at, `return:${returnId}:%`])
  })
}

async function refreshCustomerStats(container: MedusaContainer, customerIds: (string | null)[]) {
  const ids = [...new Set(customerIds.filter((id): id is string => !!id))]
  if (ids.length) {
    await refreshCustomerStatsWorkflow(container).run({ input: ids })
  }
}

type ExchangeCandidate = ReturnCandidate & { variant_ids: (string | null)[] }

/**
 * Exchanges one piece of each demo bill after-sale.ts marks as exchanged
 * (paid and handed over, and come back before `now`) for another piece of
 * its kind the branch had then, as the counter does it: the piece given
 * back received at the branch, the new one handed over, the difference paid
 * by the bill's kind of tenders or refunded on its tenders, the returned
 * piece's share of the points taken back — all through Medusa's order and
 * payment modules, without order events (the seed issues the documents
 * dated), and dated to the day of the exchange. An exchange a stopped seed
 * began is finished; answers how many it made.
 */
export async function ensureDemoExchanges(container: MedusaContainer, log: Log, now = new Date()): Promise<number> {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await db.raw(
    `select o.id as order_id, o.display_id, o.customer_id, o.created_at, bsl.stock_location_id as location_id,
            array_agg(li.id order by li.variant_sku, li.id) as item_ids, array_agg(li.variant_id order by li.variant_sku, li.id) as variant_ids
       from "order" o
       join ${BRANCH_CHANNEL_LINK_TABLE} bsc on bsc.sales_channel_id = o.sales_channel_id and bsc.deleted_at is null
       join ${BRANCH_LOCATION_LINK_TABLE} bsl on bsl.branch_id = bsc.branch_id and bsl.deleted_at is null
       join order_item oi on oi.order_id = o.id and oi.version = 1 and oi.deleted_at is null
       join order_line_item li on li.id = oi.item_id
      where o.deleted_at is null and o.metadata ? 'demo_row' and o.status <> 'canceled'
        and exists (select 1 from order_fulfillment ofl where ofl.order_id = o.id and ofl.deleted_at is null)
        and exists (select 1 from order_payment_collection opc where opc.order_id = o.id and opc.deleted_at is null)
        and not exists (select 1 from order_exchange e where e.order_id = o.id and e.deleted_at is null and e.metadata ? 'demo_done')
      group by o.id, bsl.stock_location_id
      order by o.display_id`
  )) as { rows: ExchangeCandidate[] }
  const plans = rows.flatMap((o) => {
    const plan = demoAfterSale(o.display_id, o.item_ids.length)
    if (plan.kind !== "exchanged") {
      return []
    }
    const at = new Date(new Date(o.created_at).getTime() + plan.days_later * 86_400_000 + 3 * 3_600_000)
    return at < now ? [{ ...o, item_id: o.item_ids[plan.line], variant_id: o.variant_ids[plan.line], pick: plan.pick, at }] : []
  })
  if (!plans.length) {
    return 0
  }
  const pieces = await pricedPieces(container)
  const locations = [...new Set(plans.map((p) => p.location_id))]
  const { rows: stocked } = (await db.raw(
    `select pvi.variant_id, il.location_id from inventory_level il
       join product_variant_inventory_item pvi on pvi.inventory_item_id = il.inventory_item_id and pvi.deleted_at is null
      where il.deleted_at is null and il.location_id = any(?::text[]) and il.stocked_quantity - il.reserved_quantity > 0`,
    [pgArray(locations)]
  )) as { rows: { variant_id: string; location_id: string }[] }
  const inStock = new Set(stocked.map((s) => `${s.variant_id}:${s.location_id}`))
  const pickupOf = await pickupOptions(container, locations)
  const orders = container.resolve(Modules.ORDER)
  let made = 0
  // A few bills at a time, as the returns: each exchange touches its own bill only, and the piece it takes is chosen
  // from the stock read above, not from what another exchange left.
  const limit = pLimit(4)
  const exchangeOne = async (plan: (typeof plans)[number]) => {
    const given = pieces.find((p) => p.variant_id === plan.variant_id)
    const choices = pieces.filter((p) => p.variant_id !== plan.variant_id && !plan.variant_ids.includes(p.variant_id) && inStock.has(`${p.variant_id}:${plan.location_id}`))
    const sameKind = choices.filter((p) => p.category === given?.category)
    const pool = sameKind.length ? sameKind : choices
    const taken = pool[Math.floor(plan.pick * pool.length)]
    const pickup = pickupOf.get(plan.location_id)
    if (!taken || !pickup) {
      return
    }
    const { rows: begun } = (await db.raw(
      `select e.id, e.return_id, (select i.item_id from order_exchange_item i where i.exchange_id = e.id and i.deleted_at is null limit 1) as new_item_id
         from order_exchange e where e.order_id = ? and e.deleted_at is null and e.canceled_at is null limit 1`,
      [plan.order_id]
    )) as { rows: { id: string; return_id: string; new_item_id: string }[] }
    let exchange = begun[0]
    if (!exchange) {
      const created = await orders.createExchange({
        order_id: plan.order_id,
        no_notification: true,
        description: "Exchanged at the counter",
        return_items: [{ id: plan.item_id, quantity: 1, note: "Given back in exchange" }],
        additional_items: [demoLine(taken) as unknown as { id: string; quantity: number }],
        // Brought back to the counter: the branch's pickup, at no charge.
        return_shipping: { name: "Brought back to the counter", amount: 0, shipping_option_id: pickup },
        // The module takes the pieces given back as return_items, which its input type does not name.
      } as CreateOrderExchangeDTO)
      exchange = { id: created.id, return_id: created.return!.id, new_item_id: created.additional_items![0].item_id }
    }
    await db.raw(`update "return" set location_id = ? where id = ? and location_id is null`, [plan.location_id, exchange.return_id])
    const [ret] = await orders.listReturns({ id: exchange.return_id }, { select: ["id", "status"] })
    if (ret.status !== "received") {
      await orders.receiveReturn({ return_id: exchange.return_id, items: [{ id: plan.item_id, quantity: 1 }] })
    }
    await reversePointsForReturnWorkflow(container).run({ input: { return_id: exchange.return_id } })
    await settleExchange(container, plan, exchange)
    const { rows: handed } = (await db.raw(`select 1 from fulfillment_item where line_item_id = ? and deleted_at is null limit 1`, [exchange.new_item_id])) as { rows: unknown[] }
    if (!handed.length) {
      await recordHandOvers(container, [{ order_id: plan.order_id, location_id: plan.location_id, handed_over_at: new Date(plan.at.getTime() + 5 * 60_000), item_ids: [exchange.new_item_id] }])
    }
    await dateToTheExchange(db, { order_id: plan.order_id, exchange_id: exchange.id, return_id: exchange.return_id, item_id: exchange.new_item_id }, plan.at)
    made += 1
  }
  await Promise.all(plans.map((plan) => limit(() => exchangeOne(plan))))
  await refreshCustomerStats(container, plans.map((p) => p.customer_id))
  log(`demo exchanges: ${made}`)
  return made
}

/**
 * The difference of an exchange settled as the counter settles it: the new
 * piece's price with GST less the returned one's, collected by the bill's
 * kind of tenders when the new piece costs more, refunded on the bill's
 * tenders when it costs less. A difference already settled is 0.
 */
async function settleExchange(
  container: MedusaContainer,
  plan: { order_id: string; display_id: number; item_id: string },
  exchange: { id: string; new_item_id: string }
) {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "summary.*", "payment_collections.id", "payment_collections.payments.id", "payment_collections.payments.amount", "payment_collections.payments.created_at"],
    filters: { id: plan.order_id },
  })
  const order = data[0] as unknown as {
    summary: { pending_difference: BigNumberInput }
    payment_collections: { id: string; payments: { id: string; amount: BigNumberInput; created_at: Date }[] }[]
  }
  // What Medusa's order summary says is still owed (the new piece cost more) or owed back (less); settled, it is 0.
  const difference = amountToPaise(order.summary.pending_difference)
  if (difference > 0) {
    const [collection] = await container.resolve(Modules.PAYMENT).createPaymentCollections([{ currency_code: "inr", amount: paiseToAmount(difference) }])
    await container.resolve(ContainerRegistrationKeys.LINK).create({ [Modules.ORDER]: { order_id: plan.order_id }, [Modules.PAYMENT]: { payment_collection_id: collection.id } })
    const tenders = demoTenders(plan.display_id, difference)
    const [sessionIds, paymentIds, captureIds] = ["payses", "pay", "capt"].map((prefix) => entityIds(prefix, tenders.length))
    await recordCapturedTenders(
      db,
      tenders.map((t, n) => ({
        order_id: plan.order_id,
        collection_id: collection.id,
        kind: t.kind,
        amount: paiseToAmount(t.amount_paise),
        paise: t.amount_paise,
        session_id: sessionIds[n],
        payment_id: paymentIds[n],
        capture_id: captureIds[n],
      }))
    )
    await container
      .resolve(Modules.ORDER)
      .addOrderTransactions(tenders.map((t, n) => ({ order_id: plan.order_id, amount: paiseToAmount(t.amount_paise), currency_code: "inr", reference: "capture", reference_id: captureIds[n] })))
  }
  if (difference < 0) {
    await refundOnTheTenders(container, { id: plan.order_id, display_id: plan.display_id, payments: order.payment_collections.flatMap((c) => c.payments) }, {
      refund_paise: -difference,
      note: `Exchange of a piece of order #${plan.display_id}: the difference`,
      what: `exchange ${exchange.id}`,
    })
  }
}

/** Each branch location's pickup shipping option (the counter). */
async function pickupOptions(container: MedusaContainer, locationIds: string[]): Promise<Map<string, string>> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "stock_location",
    fields: ["id", "fulfillment_sets.service_zones.shipping_options.id", "fulfillment_sets.service_zones.shipping_options.type.code"],
    filters: { id: locationIds },
  })
  type Location = { id: string; fulfillment_sets?: { service_zones?: { shipping_options?: { id: string; type?: { code: string } | null }[] }[] }[] }
  return new Map(
    (data as unknown as Location[]).flatMap((l) => {
      const option = (l.fulfillment_sets ?? []).flatMap((f) => f.service_zones ?? []).flatMap((z) => z.shipping_options ?? []).find((o) => o.type?.code === "pickup")
      return option ? [[l.id, option.id] as const] : []
    })
  )
}

/**
 * The exchange dated to its day: the exchange, the line it added (so the
 * sales facts count it that day), its order change, the return of the piece
 * given back with its refunds and points, and the payment of the
 * difference a few minutes later.
 */
async function dateToTheExchange(db: Knex, e: { order_id: string; exchange_id: string; return_id: string; item_id: string }, at: Date) {
  const paid = new Date(at.getTime() + 4 * 60_000)
  await db.transaction(async (trx) => {
    await trx.raw(`update order_exchange set created_at = ?, updated_at = ?, metadata = coalesce(metadata, '{}'::jsonb) || '{"demo_done": true}'::jsonb where id = ?`, [at, at, e.exchange_id])
    await trx.raw(`update order_exchange_item set created_at = ?, updated_at = ? where exchange_id = ?`, [at, at, e.exchange_id])
    await trx.raw(`update order_line_item set created_at = ?, updated_at = ? where id = ?`, [at, at, e.item_id])
    await trx.raw(`update order_item set created_at = ?, updated_at = ? where item_id = ?`, [at, at, e.item_id])
    await trx.raw(`update order_change set created_at = ?, updated_at = ?, confirmed_at = coalesce(confirmed_at, ?) where exchange_id = ?`, [at, at, at, e.exchange_id])
    await trx.raw(`update order_change_action set created_at = ?, updated_at = ? where exchange_id = ?`, [at, at, e.exchange_id])
    // The difference's collection: the bill's own was dated to the sale, days before.
    const later = `select opc.payment_collection_id from order_payment_collection opc join "order" o on o.id = opc.order_id
                    join payment_collection pc on pc.id = opc.payment_collection_id
                   where opc.order_id = ? and opc.deleted_at is null and pc.created_at > o.created_at + interval '1 day'`
    await trx.raw(`update capture c set created_at = ? from payment p where c.payment_id = p.id and p.payment_collection_id in (${later})`, [paid, e.order_id])
    await trx.raw(
      `update order_transaction t set created_at = ?, updated_at = ? from capture c join payment p on p.id = c.payment_id
        where t.order_id = ? and t.reference = 'capture' and t.reference_id = c.id and p.payment_collection_id in (${later})`,
      [paid, paid, e.order_id, e.order_id]
    )
    await trx.raw(`update payment set created_at = ?, captured_at = ? where payment_collection_id in (${later})`, [paid, paid, e.order_id])
    await trx.raw(`update payment_session set created_at = ?, authorized_at = ? where payment_collection_id in (${later})`, [paid, paid, e.order_id])
    await trx.raw(`update payment_collection set created_at = ?, completed_at = ? where id in (${later})`, [paid, paid, e.order_id])
  })
  await dateToTheReturn(db, e.order_id, e.return_id, at)
}
