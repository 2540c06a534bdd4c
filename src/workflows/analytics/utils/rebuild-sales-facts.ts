import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ANALYTICS_MODULE } from "../../../modules/analytics"
import type AnalyticsModuleService from "../../../modules/analytics/service"
import { salesFactsOf } from "../../../lib/sales-facts"
import { loadSalesOrders } from "../steps/load-sales-orders"

/** A rebuild that has not moved for this long is taken to have stopped (its process ended) and is resumed. */
const STALLED_MS = 10 * 60_000

/** Batches written at once (docs/reports.md, "Sales facts"): two keep both cores busy on a two-core machine. */
const PARALLEL_BATCHES = 2

export type RebuildProgress = { id: string; orders_done: number; orders_total: number; facts_written: number; resumed: boolean }

/**
 * Rebuilds every order's sales facts, in batches by order id: idempotent
 * (each batch rewrites its orders' facts) and resumable (a rebuild that
 * stopped part-way goes on after its last batch). One at a time: while one
 * is moving, another is refused. Facts of orders since deleted go at the end.
 */
export async function rebuildSalesFacts(
  container: MedusaContainer,
  { batchSize = 2000, onProgress }: { batchSize?: number; onProgress?: (p: RebuildProgress) => void } = {}
): Promise<RebuildProgress> {
  const analytics = container.resolve<AnalyticsModuleService>(ANALYTICS_MODULE)
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  // The last rebuild that did not finish (stopped, or failed part-way) goes on from where it was.
  const [last] = await analytics.listFactsRebuilds({}, { order: { started_at: "DESC" }, take: 1 })
  const running = last && last.status !== "done" ? last : undefined
  if (running?.status === "running" && Date.now() - new Date(running.updated_at).getTime() < STALLED_MS) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `A rebuild of the sales facts is already running (${running.orders_done} of ${running.orders_total} orders done)`)
  }
  // Every order row is gone through (a deleted order or a draft loses any facts it had), so every one is counted.
  const total = Number(((await db.raw(`select count(*) as n from "order"`)) as { rows: { n: string }[] }).rows[0].n)
  const run =
    running ?? (await analytics.createFactsRebuilds({ status: "running", started_at: new Date(), orders_total: total, orders_done: 0, facts_written: 0 }))
  const progress: RebuildProgress = { id: run.id, orders_done: run.orders_done, orders_total: total, facts_written: run.facts_written, resumed: !!running }
  if (running) {
    await analytics.updateFactsRebuilds({ id: run.id, status: "running", error: null })
  }
  let cursor = run.cursor ?? ""
  try {
    for (;;) {
      // Two batches side by side: one's reads overlap the other's writes (their orders differ, and each batch is its own
      // transaction); the cursor moves past both only once both are written, so a stop resumes without a gap.
      const ids = ((await db.raw(`select id from "order" where id > ? order by id limit ?`, [cursor, batchSize * PARALLEL_BATCHES])) as { rows: { id: string }[] }).rows.map(
        (r) => r.id
      )
      if (!ids.length) {
        break
      }
      const batches = Array.from({ length: Math.ceil(ids.length / batchSize) }, (_, i) => ids.slice(i * batchSize, (i + 1) * batchSize))
      const written = await Promise.all(batches.map((batch) => rewriteFacts(container, analytics, batch)))
      cursor = ids[ids.length - 1]
      progress.orders_done += ids.length
      progress.facts_written += written.reduce((n, facts) => n + facts, 0)
      await analytics.updateFactsRebuilds({ id: run.id, cursor, orders_done: progress.orders_done, orders_total: total, facts_written: progress.facts_written })
      onProgress?.({ ...progress })
    }
    await db.raw(`delete from sales_fact sf where not exists (select 1 from "order" o where o.id = sf.order_id)`)
    // Every row was rewritten: fresh statistics, and the visibility the reports' index-only scans rely on.
    await db.raw("vacuum (analyze) sales_fact")
    await analytics.updateFactsRebuilds({ id: run.id, status: "done", finished_at: new Date() })
    return progress
  } catch (err) {
    await analytics.updateFactsRebuilds({ id: run.id, status: "failed", error: err instanceof Error ? err.message : String(err) })
    throw err
  }
}

/**
 * One batch: what the refresh workflow's two steps do, called directly. The
 * write is one transaction (all of the batch's facts or none), so there is
 * nothing to compensate, and the workflow's copy of each step's output (the
 * batch's orders and lines) is work the rebuild does 150 times at 300 000 orders.
 */
async function rewriteFacts(container: MedusaContainer, analytics: AnalyticsModuleService, orderIds: string[]): Promise<number> {
  const facts = (await loadSalesOrders(container, orderIds)).flatMap(salesFactsOf)
  await analytics.replaceOrderFacts(orderIds, facts, { previous: false })
  return facts.length
}
