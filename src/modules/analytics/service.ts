import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService, ModulesSdkUtils } from "@medusajs/framework/utils"
import type { EntityManager, Knex } from "@medusajs/framework/mikro-orm/knex"
import { entityIds } from "../../lib/ids"
import { pgArray } from "../../lib/pg-array"
import { boundRaw } from "../../lib/sql-rows"
import type { SalesFact as SalesFactRow } from "../../lib/sales-facts"
import type { StockValue } from "../../lib/stock-valuation"
import { factFromRow as toFact, type StoredFact } from "./queries/fact-rows"
import { FactsRebuild } from "./models/facts-rebuild"
import { SalesFact } from "./models/sales-fact"
import { StockFact } from "./models/stock-fact"
import { StockSnapshot } from "./models/stock-snapshot"
import { salesReportSql, topSellersSql, type SalesReportQuery, type SalesReportRow } from "./queries/sales-report"
import { cohortsSql, customerMixSql, lapsedCustomersSql, occasionSalesSql, rfmMovesSql, topCustomersSql, type CustomerReportQuery } from "./queries/customer-report"

/** A row of a day's stock snapshot (models/stock-snapshot.ts). */
export type StockSnapshotRow = StockValue & { day: string; taken_at: Date; branch_id: string; category: string; metal: string; purity: number; dead_pieces: number }

const MONEY = ["gross_weight_mg", "net_weight_mg", "revenue_paise", "gst_paise", "discount_paise", "making_paise"] as const


export type AnalyticsModuleOptions = {
  /** ANALYTICS_DATABASE_URL: a read replica of the shop's database the reports read from (docs/operations.md, "Analytics replica"). */
  read_url?: string
}

/** Connections the reports hold on the replica: a few reports run side by side per page. */
const REPLICA_POOL = { min: 0, max: 5 }

/** One pool per replica URL in the process, however many times the service is made. */
const replicas = new Map<string, Knex>()

class AnalyticsModuleService extends MedusaService({ SalesFact, FactsRebuild, StockSnapshot, StockFact }) {
  private readonly readUrl?: string

  constructor(container: Record<string, unknown>, options: AnalyticsModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params -- MedusaService reads every argument it was given
    super(...arguments)
    this.readUrl = options.read_url?.trim() || undefined
  }

  __hooks = {
    onApplicationShutdown: async () => {
      const replica = this.readUrl ? replicas.get(this.readUrl) : undefined
      if (replica) {
        replicas.delete(this.readUrl!)
        await replica.destroy()
      }
    },
  }

  /**
   * The connection reports read from: the read replica when one is set,
   * opened on first use, else undefined (the shop's own database). Facts are
   * written on the primary; a replica shows them once it has replayed them.
   */
  async readConnection(): Promise<Knex | undefined> {
    if (!this.readUrl) {
      return undefined
    }
    let replica = replicas.get(this.readUrl)
    if (!replica) {
      replica = ModulesSdkUtils.createPgConnection({ clientUrl: this.readUrl, schema: "public", pool: REPLICA_POOL }) as unknown as Knex
      replicas.set(this.readUrl, replica)
    }
    return replica
  }

  /** A report's rows, from the replica when there is one. */
  private async reportRows(q: { sql: string; bindings: (string | number)[] }, manager: EntityManager): Promise<Record<string, unknown>[]> {
    const replica = await this.readConnection()
    if (replica) {
      return (await replica.raw(q.sql, q.bindings)).rows as Record<string, unknown>[]
    }
    return (await manager.execute(q.sql, q.bindings)) as Record<string, unknown>[]
  }

  /**
   * Replaces every fact of the given orders with `facts`, in one
   * transaction: the orders' rows as they were are answered, for the
   * workflow's compensation.
   */
  @InjectManager()
  async replaceOrderFacts(
    orderIds: string[],
    facts: SalesFactRow[],
    { previous = true }: { previous?: boolean } = {},
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<StoredFact[]> {
    return this.replaceOrderFacts_(orderIds, facts, previous, sharedContext)
  }

  @InjectTransactionManager()
  protected async replaceOrderFacts_(
    orderIds: string[],
    facts: SalesFactRow[],
    keepPrevious: boolean,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<StoredFact[]> {
    if (!orderIds.length) {
      return []
    }
    const db = sharedContext.transactionManager!
    // Two refreshes of one order take turns, the later one writing over the earlier.
    // The partial index on order_id covers rows not deleted: the condition lets these statements use it.
    await boundRaw(db, `select pg_advisory_xact_lock(hashtextextended(id, 7)) from unnest(?::text[]) id order by id`, [pgArray([...orderIds].sort())])
    // The rows as they were only for a caller that may have to put them back (each row's six big-number copies are JSON to parse).
    const previous = (
      await boundRaw(db, `delete from sales_fact where order_id = any(?::text[]) and deleted_at is null ${keepPrevious ? "returning *" : ""}`, [pgArray(orderIds)])
    ).map(toFact)
    await this.insertFacts(facts, sharedContext)
    return previous
  }

  /**
   * Replaces the stock snapshot of `day` with `rows`, in one transaction;
   * two takes of one day wait for each other, the later one kept.
   */
  @InjectManager()
  async replaceStockSnapshot(day: string, rows: StockSnapshotRow[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    return this.replaceStockSnapshot_(day, rows, sharedContext)
  }

  @InjectTransactionManager()
  protected async replaceStockSnapshot_(day: string, rows: StockSnapshotRow[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const db = sharedContext.transactionManager!
    await boundRaw(db, `select pg_advisory_xact_lock(hashtextextended(?, 11))`, [`stock_snapshot:${day}`])
    await boundRaw(db, `delete from stock_snapshot where day = ?`, [day])
    if (rows.length) {
      await this.createStockSnapshots(rows, sharedContext)
    }
  }

  /** Puts rows back as they were (the compensation of replaceOrderFacts). */
  @InjectManager()
  async restoreOrderFacts(orderIds: string[], previous: StoredFact[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    return this.restoreOrderFacts_(orderIds, previous, sharedContext)
  }

  @InjectTransactionManager()
  protected async restoreOrderFacts_(orderIds: string[], previous: StoredFact[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await boundRaw(sharedContext.transactionManager!, `delete from sales_fact where order_id = any(?::text[]) and deleted_at is null`, [pgArray(orderIds)])
    await this.insertFacts(previous, sharedContext)
  }

  @InjectTransactionManager()
  protected async insertFacts(facts: (SalesFactRow & { id?: string })[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const db = sharedContext.transactionManager!
    // Medusa's big numbers keep an exact copy beside the column (raw_…); one statement for the whole batch.
    for (let start = 0; start < facts.length; start += 2000) {
      const batch = facts.slice(start, start + 2000)
      const ids = entityIds("sfact", batch.length)
      const rows = batch.map((f, i) => ({ ...f, id: f.id ?? ids[i], occurred_at: new Date(f.occurred_at).toISOString() }))
      await boundRaw(
        db,
        `insert into sales_fact (id, order_id, item_id, source_id, kind, occurred_at, customer_id, branch_id, channel, staff_user_id, variant_id,
                                 metal, purity, category, pieces, bill, ${MONEY.join(", ")}, ${MONEY.map((m) => `raw_${m}`).join(", ")})
         select id, order_id, item_id, source_id, kind, occurred_at, customer_id, branch_id, channel, staff_user_id, variant_id,
                metal, purity, category, pieces, bill, ${MONEY.join(", ")},
                ${MONEY.map((m) => `case when ${m} is null then null else jsonb_build_object('value', ${m}::text, 'precision', 20) end`).join(", ")}
           from jsonb_to_recordset(?::jsonb) as r(id text, order_id text, item_id text, source_id text, kind text, occurred_at timestamptz,
                customer_id text, branch_id text, channel text, staff_user_id text, variant_id text, metal text, purity int, category text, pieces int, bill int,
                ${MONEY.map((m) => `${m} bigint`).join(", ")})`,
        [JSON.stringify(rows)]
      )
    }
  }

  /** The customers report's parts (queries/customer-report.ts), read side by side. */
  @InjectManager()
  async customerReport(query: CustomerReportQuery, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const run = (q: { sql: string; bindings: (string | number)[] }) => this.reportRows(q, sharedContext.manager!)
    const [mix, top, lapsed, cohorts, occasions, rfm] = await Promise.all([
      run(customerMixSql(query)),
      run(topCustomersSql(query)),
      run(lapsedCustomersSql(query)),
      run(cohortsSql(query)),
      run(occasionSalesSql(query)),
      run(rfmMovesSql(query)),
    ])
    const n = (v: unknown) => Number(v ?? 0)
    return {
      mix: { customers: n(mix[0]?.customers), new_customers: n(mix[0]?.new_customers), repeat_customers: n(mix[0]?.repeat_customers), new_revenue_paise: n(mix[0]?.new_revenue), revenue_paise: n(mix[0]?.revenue) },
      top: top.map((r) => ({ customer_id: String(r.customer_id), bills: n(r.bills), revenue_paise: n(r.revenue) })),
      lapsed: {
        count: n(lapsed[0]?.total),
        customers: lapsed.map((r) => ({ customer_id: String(r.customer_id), bills: n(r.bills), lifetime_revenue_paise: n(r.lifetime_revenue), last_purchase_at: new Date(r.last_at as string) })),
      },
      cohorts: cohorts.map((r) => ({ cohort: String(r.cohort), month: n(r.month), customers: n(r.customers), revenue_paise: n(r.revenue) })),
      rfm_moves: rfm.map((r) => ({ r0: r.r0 === null ? null : n(r.r0), f0: r.f0 === null ? null : n(r.f0), r1: n(r.r1), f1: n(r.f1), customers: n(r.customers) })),
      occasions: occasions.map((r) => ({ kind: String(r.kind) as "birthday" | "anniversary", occasions: n(r.occasions), converted: n(r.converted), revenue_paise: n(r.revenue) })),
    }
  }

  /** The best-selling variants of a range (queries/sales-report.ts). */
  @InjectManager()
  async topSellers(query: Omit<SalesReportQuery, "group_by"> & { limit: number }, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    return (await this.reportRows(topSellersSql(query), sharedContext.manager!)).map((r) => ({
      variant_id: String(r.variant_id),
      pieces: Number(r.pieces),
      revenue_paise: Number(r.revenue_paise),
    }))
  }

  /** The sales report's rows (queries/sales-report.ts). */
  @InjectManager()
  async salesReport(query: SalesReportQuery, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<SalesReportRow[]> {
    return (await this.reportRows(salesReportSql(query), sharedContext.manager!)).map((r) => ({
      key: String(r.key ?? ""),
      bills: Number(r.bills),
      pieces: Number(r.pieces),
      gross_weight_mg: Number(r.gross_weight_mg),
      net_weight_mg: Number(r.net_weight_mg),
      revenue_paise: Number(r.revenue_paise),
      gst_paise: Number(r.gst_paise),
      discount_paise: Number(r.discount_paise),
      making_paise: Number(r.making_paise),
      making_pieces: Number(r.making_pieces),
      returned_pieces: Number(r.returned_pieces),
    }))
  }
}

export default AnalyticsModuleService
