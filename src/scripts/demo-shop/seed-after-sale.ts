/**
 * The demo year's bills after the sale (docs/demo-shop.md, after-sale.ts
 * decides which): some cancelled before they were paid or handed over, some
 * with a piece brought back to the branch a few days later — received
 * through Medusa's order module, refunded on the bill's own tenders, its
 * share of the bill's points taken back, and dated to the day it came
 * back, so the sales report nets it out on that day and the reconciliation
 * shows the refund there.
 */
import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import pLimit from "p-limit"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { BRANCH_CHANNEL_LINK_TABLE, BRANCH_LOCATION_LINK_TABLE } from "../../lib/link-tables"
import { amountToPaise, paiseToAmount } from "../../lib/money"
import { pgArray } from "../../lib/pg-array"
import { refreshCustomerStatsWorkflow } from "../../workflows/crm"
import { reversePointsForReturnWorkflow } from "../../workflows/loyalty"
import { demoAfterSale, refundShares } from "./after-sale"

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
  const payments = container.resolve(Modules.PAYMENT)
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
    const paidIds = order.payment_collections.flatMap((c) => c.payments).map((p) => p.id)
    const refundedOf = async () => {
      const { rows } = (await db.raw(`select id, payment_id, amount from refund where payment_id = any(?::text[]) and deleted_at is null`, [pgArray(paidIds)])) as {
        rows: { id: string; payment_id: string; amount: string }[]
      }
      return rows
    }
    const before = await refundedOf()
    const refundedOn = (paymentId: string) => before.filter((r) => r.payment_id === paymentId).reduce((n, r) => n + amountToPaise(r.amount), 0)
    const left = Number(ret.metadata?.demo_refund_paise) - before.reduce((n, r) => n + amountToPaise(r.amount), 0)
    const payable = order.payment_collections
      .flatMap((c) => c.payments)
      .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.id.localeCompare(b.id))
      .map((p) => ({ payment_id: p.id, paise: amountToPaise(p.amount) - refundedOn(p.id) }))
    for (const share of left > 0 ? refundShares(payable, left) : []) {
      await payments.refundPayment({ payment_id: share.payment_id, amount: paiseToAmount(share.paise), note: `Return of a piece of order #${plan.display_id}` })
    }
    const refunds = await refundedOf()
    if (!refunds.length) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `return ${ret.id} of order #${plan.display_id} has no refund to book (its item names none)`)
    }
    await orders.addOrderTransactions(refunds.map((r) => ({ order_id: plan.order_id, amount: paiseToAmount(-amountToPaise(r.amount)), currency_code: "inr", reference: "refund", reference_id: r.id })))
    await dateToTheReturn(db, plan.order_id, ret.id, plan.back)
  }
  await Promise.all(plans.map((plan) => limit(() => takeBack(plan))))
  await refreshCustomerStats(container, plans.map((p) => p.customer_id))
  log(`demo returns: ${plans.length}`)
  return plans.length
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
