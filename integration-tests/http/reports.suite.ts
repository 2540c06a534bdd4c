import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { parse } from "csv-parse/sync"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ShopSuite } from "../support/runner"
import { eventsSettled } from "../support/wait"
import { BRANCH_MODULE } from "../../src/modules/branch"
import type BranchModuleService from "../../src/modules/branch/service"
import { CRM_MODULE } from "../../src/modules/crm"
import type CrmModuleService from "../../src/modules/crm/service"
import { istDayRange, istToday } from "../../src/lib/pos"
import { formatInr } from "../../src/lib/money"
import { indianNumber, indianNumberSql } from "../../src/lib/report-export"
import { parseSummaryTime, summaryDay } from "../../src/lib/daily-summary"
import { sendDailySummaries } from "../../src/jobs/daily-summary"
import { ACCESS_MODULE } from "../../src/modules/access"
import type AccessModuleService from "../../src/modules/access/service"
import { LOYALTY_MODULE } from "../../src/modules/loyalty"
import type LoyaltyModuleService from "../../src/modules/loyalty/service"
import { OFFERS_MODULE } from "../../src/modules/offers"
import type OffersModuleService from "../../src/modules/offers/service"
import { MESSAGING_MODULE } from "../../src/modules/messaging"
import { OLD_GOLD_MODULE } from "../../src/modules/old-gold"
import type OldGoldModuleService from "../../src/modules/old-gold/service"
import { SAVINGS_SCHEME_MODULE } from "../../src/modules/savings-scheme"
import type SavingsSchemeModuleService from "../../src/modules/savings-scheme/service"
import { ANALYTICS_MODULE } from "../../src/modules/analytics"
import type AnalyticsModuleService from "../../src/modules/analytics/service"
import { addDays } from "../../src/lib/savings-schemes"
import type MessagingModuleService from "../../src/modules/messaging/service"
import { rebuildSalesFacts } from "../../src/workflows/analytics"
import { rebuildStockFacts } from "../../src/modules/analytics/queries/stock-facts"
import { takeMissingStockSnapshot, takeStockSnapshot } from "../../src/workflows/analytics/utils/stock-snapshot"
import { ensureDemoCustomers } from "../../src/scripts/demo-shop/seed-customers"
import { ensureDemoCancellations, ensureDemoExchanges, ensureDemoReturns } from "../../src/scripts/demo-shop/seed-after-sale"
import { ensureDemoLoyalty } from "../../src/scripts/demo-shop/seed-loyalty"
import { ensureDemoHandOvers, ensureDemoPayments } from "../../src/scripts/demo-shop/seed-payments"
import { ensureDemoTaxDocuments } from "../../src/scripts/demo-shop/seed-tax-documents"
import { issueInvoiceWorkflow } from "../../src/workflows/invoicing"
import { XMLParser } from "fast-xml-parser"
import { financialYear, seriesKey } from "../../src/lib/tax-documents"
import { BRANCH_LOCATION_LINK_TABLE, productCategorySql, VARIANT_JEWELRY_LINK_TABLE } from "../../src/lib/link-tables"
import { INVOICING_MODULE } from "../../src/modules/invoicing"
import type InvoicingModuleService from "../../src/modules/invoicing/service"
import { demoShop, expectStatus, ok, salesStaffHeaders, type Headers } from "./helpers"

const COIN = "SGJ-COIN-24K-5G"

type Download = { status: number; data: any; headers: Record<string, string> }
type MedusaLine = { id: string; quantity: number; total: unknown; tax_total: unknown }
type MedusaOrder = { id: string; status: string; sales_channel_id: string | null; items: MedusaLine[] }

/** Half up to the paisa: Medusa keeps fractions of a paisa in its computed totals (numbers or BigNumber objects). */
const paise = (rupees: unknown) => {
  const big = rupees as { numeric?: unknown; value?: unknown } | number | string
  const value = typeof big === "object" && big !== null ? ("numeric" in big ? big.numeric : "value" in big ? big.value : String(big)) : big
  return Math.round(Number(value) * 100 + 1e-7)
}

/** A small deterministic generator (mulberry32), so a failing sequence can be replayed. */
function random(seed: number) {
  let a = seed
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] }
}

export const reportsSuite: ShopSuite = ({ api, getContainer }) => {
  let owner: Headers
  let mumbaiManager: Headers
  let mumbaiStaff: Headers
  let branch: Record<string, string>
  let channelOf: Map<string, string>

  const db = () => getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const today = () => istToday()
  const yearAgo = () => new Date(Date.now() - 366 * 86_400_000).toISOString().slice(0, 10)

  /** Every order's lines with Medusa's own computed totals (items.total, items.tax_total: computed when the order's total is asked for too). */
  async function medusaOrders(filters: Record<string, unknown> = {}): Promise<MedusaOrder[]> {
    const { data } = await getContainer()
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "order", fields: ["id", "status", "sales_channel_id", "total", "items.id", "items.quantity", "items.total", "items.tax_total"], filters })
    return data as unknown as MedusaOrder[]
  }

  /** The facts of some orders, summed per order (sales and returns together). */
  async function factsByOrder(orderIds: string[]) {
    const { rows } = (await db().raw(
      `select order_id, sum(pieces)::int as pieces, sum(revenue_paise)::bigint as revenue, sum(gst_paise)::bigint as gst, count(*)::int as facts
         from sales_fact where deleted_at is null and order_id = any(?::text[]) group by order_id`,
      [orderIds]
    )) as { rows: { order_id: string; pieces: number; revenue: string; gst: string; facts: number }[] }
    return new Map(rows.map((r) => [r.order_id, { pieces: r.pieces, revenue: Number(r.revenue), gst: Number(r.gst), facts: r.facts }]))
  }

  beforeAll(async () => {
    ;({ auth: owner } = await demoShop(getContainer(), api))
    const branches = await getContainer().resolve<BranchModuleService>(BRANCH_MODULE).listBranches({}, { select: ["id", "code"] })
    branch = Object.fromEntries(branches.map((b) => [b.code, b.id]))
    const { data } = await getContainer()
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "branch", fields: ["id", "sales_channel.id"] })
    channelOf = new Map((data as { id: string; sales_channel?: { id: string } }[]).map((b) => [b.id, b.sales_channel!.id]))
    mumbaiManager = await salesStaffHeaders(getContainer(), api, "reports.manager@example.in", branch.MUM, "branch_manager")
    mumbaiStaff = await salesStaffHeaders(getContainer(), api, "reports.staff@example.in", branch.MUM)
    // The test template has the demo shop without its year of customers: 60 of them, seeded as the demo seed does.
    await ensureDemoCustomers(getContainer(), () => undefined, new Date(), 60)
    await rebuildSalesFacts(getContainer())
  })

  it("reconciles the demo shop's year of sales with Medusa's own order totals, branch by branch", async () => {
    const orders = await medusaOrders()
    expect(orders.length).toBeGreaterThan(50)
    // The demo orders are placed in their branch's sales channel.
    expect(orders.filter((o) => !o.sales_channel_id)).toEqual([])
    const branchOfChannel = new Map([...channelOf].map(([b, c]) => [c, b]))
    const expected = new Map<string, { bills: number; pieces: number; revenue: number; gst: number }>()
    for (const o of orders) {
      const b = branchOfChannel.get(o.sales_channel_id!)!
      const sum = expected.get(b) ?? { bills: 0, pieces: 0, revenue: 0, gst: 0 }
      sum.bills += 1
      for (const line of o.items) {
        sum.pieces += Number(line.quantity)
        sum.revenue += paise(line.total) - paise(line.tax_total)
        sum.gst += paise(line.tax_total)
      }
      expected.set(b, sum)
    }
    const report = (await ok(api.get(`/admin/reports/sales?group_by=branch&from=${yearAgo()}&to=${today()}`, owner))).data
    const got = new Map(report.rows.map((r: { key: string; bills: number; pieces: number; revenue_paise: number; gst_paise: number }) => [r.key, { bills: r.bills, pieces: r.pieces, revenue: r.revenue_paise, gst: r.gst_paise }]))
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(expected))
    // GST is charged on them: 3 % of the taxable value, to the paisa per line.
    const all = [...expected.values()].reduce((s, e) => ({ revenue: s.revenue + e.revenue, gst: s.gst + e.gst }), { revenue: 0, gst: 0 })
    expect(Math.abs(all.gst - all.revenue * 0.03)).toBeLessThan(orders.length)
    expect(report.totals).toMatchObject({ bills: orders.length, revenue_paise: all.revenue, gst_paise: all.gst, total_paise: all.revenue + all.gst })

    // Grouped by month, the months add up to the same totals; pieces also equal a direct count over Medusa's order tables.
    const months = (await ok(api.get(`/admin/reports/sales?group_by=month&from=${yearAgo()}&to=${today()}`, owner))).data
    expect(months.rows.reduce((s: number, r: { revenue_paise: number }) => s + r.revenue_paise, 0)).toBe(all.revenue)
    // Each sale is dated when its order was placed (over the past year), not when the seed wrote its lines.
    expect(months.rows.length).toBeGreaterThanOrEqual(10)
    const { rows: dated } = (await db().raw(
      `select count(*)::int as n from sales_fact f join "order" o on o.id = f.order_id where f.kind = 'sale' and f.occurred_at <> o.created_at`
    )) as { rows: { n: number }[] }
    expect(dated[0].n).toBe(0)
    const { rows } = (await db().raw(
      `select coalesce(sum(oi.quantity), 0)::int as pieces from "order" o join order_item oi on oi.order_id = o.id and oi.version = o.version and oi.deleted_at is null
        where o.deleted_at is null and o.status <> 'canceled' and o.is_draft_order = false`
    )) as { rows: { pieces: number }[] }
    expect(months.totals.pieces).toBe(rows[0].pieces)
  })

  it("keeps the facts equal to the orders through orders, returns and cancellations whose events come out of order and twice", async () => {
    const container = getContainer()
    const orderModule = container.resolve(Modules.ORDER)
    const rng = random(20261204)
    const { data: variants } = await container
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "product_variant", fields: ["id", "title", "jewelry_attributes.breakdown"], filters: {}, pagination: { take: 40 } })
    const pieces = (variants as { id: string; title: string; jewelry_attributes?: { breakdown?: { taxable_value: number } } | null }[]).filter(
      (v) => v.jewelry_attributes?.breakdown?.taxable_value
    )
    const channels = [...channelOf.values(), undefined]
    const created = await orderModule.createOrders(
      Array.from({ length: 12 }, (_, n) => ({
        currency_code: "inr",
        email: `seq-${n}@example.in`,
        sales_channel_id: rng.pick(channels),
        items: Array.from({ length: rng.int(1, 3) }, () => {
          const piece = rng.pick(pieces)
          return {
            title: piece.title,
            variant_id: piece.id,
            quantity: rng.int(1, 3),
            unit_price: piece.jewelry_attributes!.breakdown!.taxable_value / 100,
            tax_lines: [{ description: "GST", code: "GST", rate: 3, provider_id: "tp_system" }],
          }
        }),
      }))
    )
    const ids = created.map((o) => o.id).sort()
    const events: { name: string; data: Record<string, string> }[] = ids.map((id) => ({ name: "order.placed", data: { id } }))
    const returned = new Set<string>()
    for (const order of created) {
      const roll = rng.next()
      if (roll < 0.25) {
        await orderModule.cancel(order.id)
        events.push({ name: "order.canceled", data: { id: order.id } })
      } else if (roll < 0.6) {
        // A whole line back, received.
        const line = rng.pick(order.items!)
        const ret = await orderModule.createReturns({
          order_id: order.id,
          status: "received",
          received_at: new Date(),
          items: [{ item_id: line.id, quantity: line.quantity, received_quantity: line.quantity }],
        } as never)
        returned.add(line.id)
        events.push({ name: "order.return_received", data: { order_id: order.id, return_id: (Array.isArray(ret) ? ret[0] : ret).id } })
      }
    }
    // Out of order, and a third of them twice.
    const sent = [...events, ...events.filter(() => rng.next() < 0.34)].sort(() => rng.next() - 0.5)
    const bus = container.resolve(Modules.EVENT_BUS)
    await Promise.all(sent.map((e) => bus.emit(e)))
    await eventsSettled(container)

    const orders = await medusaOrders({ id: ids })
    const facts = await factsByOrder(ids)
    const expected = new Map<string, { pieces: number; revenue: number; gst: number }>()
    for (const o of orders) {
      if (o.status === "canceled") {
        continue
      }
      const kept = o.items.filter((l) => !returned.has(l.id))
      expected.set(o.id, {
        pieces: kept.reduce((s, l) => s + Number(l.quantity), 0),
        revenue: kept.reduce((s, l) => s + paise(l.total) - paise(l.tax_total), 0),
        gst: kept.reduce((s, l) => s + paise(l.tax_total), 0),
      })
    }
    const got = new Map([...facts].map(([id, f]) => [id, { pieces: f.pieces, revenue: f.revenue, gst: f.gst }]))
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(expected))
    expect(orders.some((o) => o.status === "canceled")).toBe(true)
    expect(returned.size).toBeGreaterThan(0)

    // The nightly rebuild writes exactly what the events left.
    const before = await db().raw(`select order_id, source_id, item_id, kind, pieces, revenue_paise::text, gst_paise::text, net_weight_mg::text from sales_fact order by source_id, item_id`)
    const run = await rebuildSalesFacts(container, { batchSize: 500 })
    expect(run.orders_done).toBeGreaterThan(50)
    const after = await db().raw(`select order_id, source_id, item_id, kind, pieces, revenue_paise::text, gst_paise::text, net_weight_mg::text from sales_fact order by source_id, item_id`)
    expect((after as { rows: unknown[] }).rows).toEqual((before as { rows: unknown[] }).rows)
  })

  it("counts a counter sale at once: its branch, staff member, channel, weight and making charge", async () => {
    const customer = (await ok(api.post("/admin/crm/customers", { first_name: "Report", last_name: "Buyer", email: "report.buyer@example.in", phone: "9820377001" }, owner))).data.customer
    const quote = (await ok(api.post("/admin/pos/quote", { branch_id: branch.MUM, customer_id: customer.id, items: [{ tag_code: COIN }] }, mumbaiStaff))).data.quote
    const totals = (group: string) => api.get(`/admin/reports/sales?group_by=${group}&from=${today()}&to=${today()}&branch_id=${branch.MUM}`, owner)
    const before = (await ok(totals("total"))).data.totals
    const sale = (
      await ok(
        api.post(
          "/admin/pos/orders",
          { idempotency_key: "report-sale-1", branch_id: branch.MUM, customer_id: customer.id, items: [{ tag_code: COIN }], tenders: [{ kind: "cash", amount: quote.total }] },
          mumbaiStaff
        )
      )
    ).data.sale
    await eventsSettled(getContainer())
    const after = (await ok(totals("total"))).data.totals
    const [line] = (await medusaOrders({ id: sale.order.id }))[0].items
    expect([after.bills - before.bills, after.pieces - before.pieces, after.revenue_paise - before.revenue_paise, after.gst_paise - before.gst_paise]).toEqual([
      1,
      1,
      paise(line.total) - paise(line.tax_total),
      paise(line.tax_total),
    ])
    // A 5 g coin of 24K gold; its making charge as the counter priced it.
    expect(after.net_weight_mg - before.net_weight_mg).toBe(5000)
    const byStaff = (await ok(totals("staff"))).data.rows
    expect(byStaff.find((r: { label: string }) => r.label === "Counter Staff")).toMatchObject({ bills: 1, pieces: 1 })
    const byChannel = (await ok(totals("channel"))).data.rows
    expect(byChannel.find((r: { key: string }) => r.key === "counter")).toMatchObject({ label: "Counter", bills: 1 })
    const byMetal = (await ok(totals("metal"))).data.rows
    expect(byMetal.find((r: { key: string }) => r.key === "gold:999")?.label).toBe("Gold 999")
    const { rows } = (await db().raw(`select making_paise::int as making from sales_fact where order_id = ?`, [sale.order.id])) as { rows: { making: number | null }[] }
    expect(rows[0].making).toBeGreaterThan(0)
  })

  it("keeps branch staff to their branches: a manager sees Mumbai only, another branch is 403, a salesperson has no reports", async () => {
    const all = (await ok(api.get(`/admin/reports/sales?group_by=branch&from=${yearAgo()}`, owner))).data
    const mine = (await ok(api.get(`/admin/reports/sales?group_by=branch&from=${yearAgo()}`, mumbaiManager))).data
    expect(mine.rows.map((r: { key: string }) => r.key)).toEqual([branch.MUM])
    expect(mine.rows[0]).toEqual(all.rows.find((r: { key: string }) => r.key === branch.MUM))
    const pune = await expectStatus(api.get(`/admin/reports/sales?branch_id=${branch.PUN}`, mumbaiManager))
    expect([pune.status, pune.data.message]).toEqual([403, `branch_id: "${branch.PUN}" is not one of your branches`])
    const exportPune = await expectStatus(api.get(`/admin/reports/sales/export?branch_id=${branch.PUN}`, mumbaiManager))
    expect(exportPune.status).toBe(403)
    expect((await expectStatus(api.get("/admin/reports/sales", mumbaiStaff))).status).toBe(403)
  })

  it("keeps the stock table in step with each table it is made from, and the nightly rebuild writes the same rows", async () => {
    // Independent figures per branch and per category, from the inventory, link, jewellery and cost tables directly.
    const live = async (groupBy: "branch" | "category") =>
      ((await db().raw(
        `select ${groupBy === "branch" ? "bsl.branch_id" : `coalesce(${productCategorySql("v.product_id")}, '')`} as key, sum(il.stocked_quantity)::int as pieces,
                sum(ja.net_weight_mg * il.stocked_quantity)::bigint as net, coalesce(sum((ja.breakdown->>'taxable_value')::bigint * il.stocked_quantity), 0)::bigint as price,
                coalesce(sum(pc.cost_paise * il.stocked_quantity), 0)::bigint as cost
           from inventory_level il
           join ${BRANCH_LOCATION_LINK_TABLE} bsl on bsl.stock_location_id = il.location_id and bsl.deleted_at is null
           join product_variant_inventory_item pvi on pvi.inventory_item_id = il.inventory_item_id and pvi.deleted_at is null
           join product_variant v on v.id = pvi.variant_id and v.deleted_at is null
           join ${VARIANT_JEWELRY_LINK_TABLE} vj on vj.product_variant_id = pvi.variant_id and vj.deleted_at is null
           join jewelry_attributes ja on ja.id = vj.jewelry_attributes_id and ja.deleted_at is null
           left join piece_cost pc on pc.variant_id = pvi.variant_id and pc.deleted_at is null
          where il.deleted_at is null and il.stocked_quantity > 0
          group by 1 order by 1`
      )) as { rows: { key: string; pieces: number; net: string; price: string; cost: string }[] }).rows.map((r) => [r.key, r.pieces, Number(r.net), Number(r.price), Number(r.cost)])
    const reported = async (groupBy: "branch" | "category") =>
      (await ok(api.get(`/admin/reports/stock?group_by=${groupBy}`, owner))).data.rows
        .map((r: { key: string; pieces: number; net_weight_mg: number; price_paise: number; cost_paise: number }) => [r.key, r.pieces, r.net_weight_mg, r.price_paise, r.cost_paise])
        .sort((a: string[], b: string[]) => (a[0] < b[0] ? -1 : 1))
    const inStep = async (what: string) => {
      for (const groupBy of ["branch", "category"] as const) {
        expect({ what, groupBy, rows: await reported(groupBy) }).toEqual({ what, groupBy, rows: await live(groupBy) })
      }
    }
    await inStep("as seeded")

    // A piece in stock at Mumbai with a cost, a category and a price, and the ids each table knows it by.
    const { rows: pieces } = (await db().raw(
      `select il.id as level_id, pvi.variant_id, pvi.inventory_item_id, vj.jewelry_attributes_id as attributes_id, v.product_id, pcp.product_category_id as category_id,
              bsl.stock_location_id as location_id
         from inventory_level il
         join ${BRANCH_LOCATION_LINK_TABLE} bsl on bsl.stock_location_id = il.location_id and bsl.deleted_at is null and bsl.branch_id = ?
         join product_variant_inventory_item pvi on pvi.inventory_item_id = il.inventory_item_id and pvi.deleted_at is null
         join product_variant v on v.id = pvi.variant_id and v.deleted_at is null
         join ${VARIANT_JEWELRY_LINK_TABLE} vj on vj.product_variant_id = pvi.variant_id and vj.deleted_at is null
         join jewelry_attributes ja on ja.id = vj.jewelry_attributes_id and ja.breakdown is not null
         join piece_cost pc on pc.variant_id = pvi.variant_id and pc.deleted_at is null
         join product_category_product pcp on pcp.product_id = v.product_id
        where il.deleted_at is null and il.stocked_quantity > 0
        order by il.id limit 1`,
      [branch.MUM]
    )) as { rows: Record<string, string>[] }
    const piece = pieces[0]
    expect(piece).toBeDefined()
    const { rows: others } = (await db().raw(`select id from product_category where id <> ? and deleted_at is null order by handle limit 1`, [piece.category_id])) as { rows: { id: string }[] }
    // Each change, then the report against the tables; then the change undone, and again.
    const changes: [string, string, (string | number)[], string, (string | number)[]][] = [
      ["more pieces at a level", `update inventory_level set stocked_quantity = stocked_quantity + 2 where id = ?`, [piece.level_id], `update inventory_level set stocked_quantity = stocked_quantity - 2 where id = ?`, [piece.level_id]],
      ["a level removed", `update inventory_level set deleted_at = now() where id = ?`, [piece.level_id], `update inventory_level set deleted_at = null where id = ?`, [piece.level_id]],
      ["a piece weighed and priced again", `update jewelry_attributes set net_weight_mg = net_weight_mg + 1000, breakdown = jsonb_set(breakdown, '{taxable_value}', to_jsonb((breakdown->>'taxable_value')::bigint + 5000)) where id = ?`, [piece.attributes_id],
        `update jewelry_attributes set net_weight_mg = net_weight_mg - 1000, breakdown = jsonb_set(breakdown, '{taxable_value}', to_jsonb((breakdown->>'taxable_value')::bigint - 5000)) where id = ?`, [piece.attributes_id]],
      ["a cost corrected", `update piece_cost set cost_paise = cost_paise + 700 where variant_id = ?`, [piece.variant_id], `update piece_cost set cost_paise = cost_paise - 700 where variant_id = ?`, [piece.variant_id]],
      ["a cost removed", `update piece_cost set deleted_at = now() where variant_id = ?`, [piece.variant_id], `update piece_cost set deleted_at = null where variant_id = ?`, [piece.variant_id]],
      ["a variant's attributes unlinked", `update ${VARIANT_JEWELRY_LINK_TABLE} set deleted_at = now() where product_variant_id = ?`, [piece.variant_id], `update ${VARIANT_JEWELRY_LINK_TABLE} set deleted_at = null where product_variant_id = ?`, [piece.variant_id]],
      ["a variant's inventory item unlinked", `update product_variant_inventory_item set deleted_at = now() where variant_id = ?`, [piece.variant_id], `update product_variant_inventory_item set deleted_at = null where variant_id = ?`, [piece.variant_id]],
      ["a design moved to another category", `update product_category_product set product_category_id = ? where product_id = ? and product_category_id = ?`, [others[0].id, piece.product_id, piece.category_id],
        `update product_category_product set product_category_id = ? where product_id = ? and product_category_id = ?`, [piece.category_id, piece.product_id, others[0].id]],
      ["a category renamed", `update product_category set handle = handle || '-renamed' where id = ?`, [piece.category_id], `update product_category set handle = replace(handle, '-renamed', '') where id = ?`, [piece.category_id]],
      ["a branch's location unlinked", `update ${BRANCH_LOCATION_LINK_TABLE} set deleted_at = now() where stock_location_id = ?`, [piece.location_id], `update ${BRANCH_LOCATION_LINK_TABLE} set deleted_at = null where stock_location_id = ?`, [piece.location_id]],
    ]
    for (const [what, change, changeArgs, undo, undoArgs] of changes) {
      await db().raw(change, changeArgs)
      await inStep(what)
      await db().raw(undo, undoArgs)
      await inStep(`${what}, undone`)
    }
    expect(Number((await db().raw(`select count(*) as n from stock_fact_change`)).rows[0].n)).toBe(0)

    // The nightly rebuild writes the very rows the change log kept.
    const table = async () =>
      (await db().raw(`select md5(string_agg(row(id, branch_id, category, metal, purity, tag_code, pieces, gross_weight_mg, net_weight_mg, price_paise, cost_paise, in_stock_since)::text, ',' order by id)) as h, count(*)::int as n from stock_fact`)).rows[0] as { h: string; n: number }
    const kept = await table()
    expect(kept.n).toBeGreaterThan(50)
    expect(await rebuildStockFacts(db())).toBe(kept.n)
    expect(await table()).toEqual(kept)
  })

  it("values the stock at today's rates and by age, and lists what has sat for over a year", async () => {
    // Independent figures: Mumbai's 24K 5 g coins from the stock tables, today's 999 rate from the rates route.
    const { rows: coinRows } = (await db().raw(
      `select il.id as level_id, il.stocked_quantity::int as stocked from inventory_level il
         join product_variant_inventory_item pvi on pvi.inventory_item_id = il.inventory_item_id and pvi.deleted_at is null
         join product_product_variant_jewelry_jewelry_attributes vj on vj.product_variant_id = pvi.variant_id and vj.deleted_at is null
         join jewelry_attributes ja on ja.id = vj.jewelry_attributes_id
         join branch_branch_stock_location_stock_location bsl on bsl.stock_location_id = il.location_id and bsl.deleted_at is null
        where ja.tag_code = ? and bsl.branch_id = ? and il.deleted_at is null`,
      [COIN, branch.MUM]
    )) as { rows: { level_id: string; stocked: number }[] }
    const coins = coinRows[0]
    expect(coins.stocked).toBeGreaterThan(0)
    const { rates } = (await ok(api.get("/admin/metal-rates", owner))).data as { rates: { metal: string; purity: number; branch_id: string | null; rate_per_g_paise: number }[] }
    const rate999 = rates.find((r) => r.metal === "gold" && r.purity === 999 && !r.branch_id)!.rate_per_g_paise
    // The coins came in 400 days ago: dead stock.
    await db().raw(`update inventory_level set created_at = now() - interval '400 days' where id = ?`, [coins.level_id])

    const stock = (await ok(api.get(`/admin/reports/stock?group_by=metal&metal=gold&purity=999&branch_id=${branch.MUM}`, owner))).data
    expect(stock.rows.map((r: { key: string; label: string }) => [r.key, r.label])).toEqual([["gold:999", "Gold 999"]])
    const gold999 = stock.rows[0]
    const { rows: weighed } = (await db().raw(
      `select sum(ja.net_weight_mg * il.stocked_quantity)::bigint as net from inventory_level il
         join product_variant_inventory_item pvi on pvi.inventory_item_id = il.inventory_item_id and pvi.deleted_at is null
         join product_product_variant_jewelry_jewelry_attributes vj on vj.product_variant_id = pvi.variant_id and vj.deleted_at is null
         join jewelry_attributes ja on ja.id = vj.jewelry_attributes_id and ja.metal = 'gold' and ja.purity = 999
         join branch_branch_stock_location_stock_location bsl on bsl.stock_location_id = il.location_id and bsl.deleted_at is null
        where bsl.branch_id = ? and il.deleted_at is null and il.stocked_quantity > 0`,
      [branch.MUM]
    )) as { rows: { net: string }[] }
    expect(gold999.net_weight_mg).toBe(Number(weighed[0].net))
    expect(gold999.metal_value_paise).toBe(Math.round((gold999.net_weight_mg * rate999) / 1000))
    expect(gold999.ageing["365+"]).toBe(coins.stocked)
    // At cost: the pieces the intake gave a cost, at that cost (the demo shop's core pieces have one).
    const { rows: costed } = (await db().raw(
      `select coalesce(sum(pc.cost_paise * il.stocked_quantity), 0)::bigint as cost, coalesce(sum(il.stocked_quantity), 0)::int as pieces from inventory_level il
         join product_variant_inventory_item pvi on pvi.inventory_item_id = il.inventory_item_id and pvi.deleted_at is null
         join product_product_variant_jewelry_jewelry_attributes vj on vj.product_variant_id = pvi.variant_id and vj.deleted_at is null
         join piece_cost pc on pc.variant_id = pvi.variant_id and pc.deleted_at is null
        where il.deleted_at is null and il.stocked_quantity > 0`
    )) as { rows: { cost: string; pieces: number }[] }
    const wholeShop = (await ok(api.get("/admin/reports/stock", owner))).data.totals
    // By category: each product filed under its first category by handle, as the sales report files it; a category's filter is its row.
    const { rows: perCategory } = (await db().raw(
      `select coalesce(${productCategorySql("v.product_id")}, '') as handle, sum(il.stocked_quantity)::int as pieces from inventory_level il
         join product_variant_inventory_item pvi on pvi.inventory_item_id = il.inventory_item_id and pvi.deleted_at is null
         join product_variant v on v.id = pvi.variant_id and v.deleted_at is null
         join product_product_variant_jewelry_jewelry_attributes vj on vj.product_variant_id = pvi.variant_id and vj.deleted_at is null
         join branch_branch_stock_location_stock_location bsl on bsl.stock_location_id = il.location_id and bsl.deleted_at is null
        where il.deleted_at is null and il.stocked_quantity > 0 group by 1 order by 1`
    )) as { rows: { handle: string; pieces: number }[] }
    const byCategory = (await ok(api.get("/admin/reports/stock?group_by=category", owner))).data
    expect(perCategory.length).toBeGreaterThan(2)
    expect(byCategory.rows.map((r: { key: string; pieces: number }) => [r.key, r.pieces]).sort()).toEqual(perCategory.map((r) => [r.handle, r.pieces]).sort())
    const rings = perCategory.find((r) => r.handle === "rings")!
    expect((await ok(api.get("/admin/reports/stock?category=rings", owner))).data.totals.pieces).toBe(rings.pieces)
    expect(costed[0].pieces).toBeGreaterThan(0)
    expect(wholeShop.costed_pieces).toBe(costed[0].pieces)
    expect(wholeShop.cost_paise).toBe(Number(costed[0].cost))
    expect(stock.dead_stock.pieces.find((p: { tag_code: string }) => p.tag_code === COIN)).toMatchObject({ branch_id: branch.MUM, branch_name: "Mumbai – Zaveri Bazaar", pieces: coins.stocked, days: 400 })

    // By age, the buckets are in order and add up to the whole stock, which equals the stock tables' count.
    const byAge = (await ok(api.get("/admin/reports/stock?group_by=age", owner))).data
    expect(byAge.rows.map((r: { label: string }) => r.label)).toEqual(expect.arrayContaining(["0–90 days", "Over a year"]))
    const { rows: all } = (await db().raw(
      `select coalesce(sum(il.stocked_quantity), 0)::int as pieces from inventory_level il
         join branch_branch_stock_location_stock_location bsl on bsl.stock_location_id = il.location_id and bsl.deleted_at is null
         join product_variant_inventory_item pvi on pvi.inventory_item_id = il.inventory_item_id and pvi.deleted_at is null
         join product_product_variant_jewelry_jewelry_attributes vj on vj.product_variant_id = pvi.variant_id and vj.deleted_at is null
        where il.deleted_at is null and il.stocked_quantity > 0`
    )) as { rows: { pieces: number }[] }
    expect(byAge.totals.pieces).toBe(all[0].pieces)
    expect(byAge.rows.reduce((s: number, r: { pieces: number }) => s + r.pieces, 0)).toBe(all[0].pieces)

    // A manager's stock is their branch's; another branch is 403.
    const mine = (await ok(api.get("/admin/reports/stock?group_by=branch", mumbaiManager))).data
    expect(mine.rows.map((r: { key: string }) => r.key)).toEqual([branch.MUM])
    expect((await expectStatus(api.get(`/admin/reports/stock?branch_id=${branch.PUN}`, mumbaiManager))).status).toBe(403)
    const bad = await expectStatus(api.get("/admin/reports/stock?group_by=day", owner))
    expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/group_by/)])

    // A design deleted in Medusa's admin takes its pieces out of the stock report (its variants' links and attributes go with them).
    const { data: ring } = await api.get("/admin/jewelry/tags/SGJ-RNG-LAK-22K-12", owner)
    const { rows: held } = (await db().raw(
      `select coalesce(sum(il.stocked_quantity), 0)::int as pieces from inventory_level il
         join product_variant_inventory_item pvi on pvi.inventory_item_id = il.inventory_item_id and pvi.deleted_at is null
         join product_variant v on v.id = pvi.variant_id
        where v.product_id = ? and il.deleted_at is null and il.stocked_quantity > 0`,
      [ring.product.id]
    )) as { rows: { pieces: number }[] }
    expect(held[0].pieces).toBeGreaterThan(0)
    await ok(api.delete(`/admin/products/${ring.product.id}`, owner))
    const after = (await ok(api.get("/admin/reports/stock?group_by=total", owner))).data.totals.pieces
    expect(byAge.totals.pieces - after).toBe(held[0].pieces)
  })

  it("pays and hands over the demo year's bills as the counter does: captures add up to each order's total, a day's reconciliation is that day's sales", async () => {
    const container = getContainer()
    const paid = await ensureDemoPayments(container, () => undefined)
    expect(paid).toBeGreaterThan(50)
    expect(await ensureDemoHandOvers(container, () => undefined)).toBe(paid)
    // Run again, nothing more is paid or handed over.
    expect(await ensureDemoPayments(container, () => undefined)).toBe(0)
    expect(await ensureDemoHandOvers(container, () => undefined)).toBe(0)

    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: ["id", "total", "metadata", "payment_collections.status", "payment_collections.captured_amount", "payment_collections.payments.provider_id"],
    })
    const demo = (data as unknown as { id: string; total: unknown; metadata: Record<string, unknown> | null; payment_collections: { status: string; captured_amount: unknown; payments: { provider_id: string }[] }[] }[]).filter(
      (o) => o.metadata && "demo_row" in o.metadata
    )
    expect(demo).toHaveLength(paid)
    for (const order of demo) {
      expect(order.payment_collections).toHaveLength(1)
      expect(order.payment_collections[0].status).toBe("completed")
      expect(paise(order.payment_collections[0].captured_amount)).toBe(paise(order.total))
    }
    // The admin's order page says so too.
    const { order: shown } = (await ok(api.get(`/admin/orders/${demo[0].id}?fields=payment_status,fulfillment_status,*fulfillments`, owner))).data
    expect(shown.payment_status).toBe("captured")
    expect(shown.fulfillment_status).toBe("delivered")
    expect(shown.fulfillments).toHaveLength(1)
    expect(shown.fulfillments[0].delivered_at).toBeTruthy()
    const providers = new Set(demo.flatMap((o) => o.payment_collections[0].payments.map((p) => p.provider_id)))
    expect([...providers].sort()).toEqual(["pp_instore_card", "pp_instore_cash", "pp_instore_upi"])

    // The busiest demo day: its reconciliation, branch by branch, is its sales with GST.
    const { rows: days } = (await db().raw(
      `select to_char(occurred_at at time zone 'Asia/Kolkata', 'YYYY-MM-DD') as day from sales_fact where kind = 'sale' group by 1 order by count(distinct order_id) desc, 1 limit 1`
    )) as { rows: { day: string }[] }
    const day = days[0].day
    const recon = (await ok(api.get(`/admin/payments/reconciliation?date=${day}&limit=1`, owner))).data
    const sales = (await ok(api.get(`/admin/reports/sales?from=${day}&to=${day}&group_by=branch`, owner))).data
    const takings = new Map<string, number>(recon.branches.map((b: { branch: { id: string }; totals: { captured: { amount_paise: number } } }) => [b.branch.id, b.totals.captured.amount_paise]))
    expect(sales.rows.length).toBeGreaterThan(0)
    expect([...takings.keys()].sort()).toEqual(sales.rows.map((r: { key: string }) => r.key).sort())
    for (const row of sales.rows as { key: string; bills: number; revenue_paise: number; gst_paise: number }[]) {
      // Collected is each order's total rounded to the paisa; the report adds its lines' totals: at most a paisa a bill apart.
      expect(Math.abs(takings.get(row.key)! - (row.revenue_paise + row.gst_paise))).toBeLessThanOrEqual(row.bills)
    }
    expect(recon.totals.captured.count).toBeGreaterThanOrEqual(sales.totals.bills)
  })

  it("cancels and takes back some demo bills as a shop's year has them: cancelled ones unpaid, a returned piece refunded on its tenders and netted out on the day it came back", async () => {
    const container = getContainer()
    const cancelled = await ensureDemoCancellations(container, () => undefined)
    expect(cancelled).toBeGreaterThan(0)
    const paid = await ensureDemoPayments(container, () => undefined)
    expect(await ensureDemoHandOvers(container, () => undefined)).toBe(paid)
    // Each line as sold, before anything came back (Medusa computes a returned line's total as what is left of it).
    const lineAsSold = new Map((await medusaOrders()).flatMap((o) => o.items.map((l) => [l.id, l] as const)))
    const earned = await ensureDemoLoyalty(container, () => undefined)
    expect(earned).toBe(paid)
    expect(await ensureDemoLoyalty(container, () => undefined)).toBe(0)
    const returned = await ensureDemoReturns(container, () => undefined)
    expect(returned).toBeGreaterThan(0)
    // Run again, nothing more is cancelled or taken back.
    expect([await ensureDemoCancellations(container, () => undefined), await ensureDemoReturns(container, () => undefined)]).toEqual([0, 0])
    // A seed stopped after the refund and before its transaction: run again, it books the refund, and refunds nothing twice.
    const { rows: booked } = (await db().raw(
      `select id, order_id from order_transaction
        where reference = 'refund' and deleted_at is null and order_id = (select min(order_id) from order_transaction where reference = 'refund')`
    )) as {
      rows: { id: string; order_id: string }[]
    }
    const refundedBefore = await db().raw(`select count(*)::int as n, sum(amount)::text as total from refund where deleted_at is null`)
    await container.resolve(Modules.ORDER).deleteOrderTransactions(booked.map((t) => t.id))
    expect(await ensureDemoReturns(container, () => undefined)).toBe(1)
    expect((await db().raw(`select count(*)::int as n, sum(amount)::text as total from refund where deleted_at is null`)).rows).toEqual(refundedBefore.rows)
    expect((await db().raw(`select count(*)::int as n from order_transaction where order_id = ? and reference = 'refund' and deleted_at is null`, [booked[0].order_id])).rows[0].n).toBeGreaterThan(0)
    await rebuildSalesFacts(container)

    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: [
        "id", "status", "display_id", "canceled_at", "created_at", "metadata", "items.id",
        "payment_collections.id", "payment_collections.refunded_amount", "fulfillments.id", "returns.id", "returns.status", "returns.received_at", "returns.items.item_id",
      ],
    })
    type DemoOrder = {
      id: string
      status: string
      items: { id: string }[]
      display_id: number
      canceled_at: string | null
      created_at: string
      metadata: Record<string, unknown> | null
      payment_collections: { id: string; refunded_amount: unknown }[]
      fulfillments: { id: string }[]
      returns: { id: string; status: string; received_at: string; items: { item_id: string }[] }[]
    }
    const demo = (data as unknown as DemoOrder[]).filter((o) => o.metadata && "demo_row" in o.metadata)
    const off = demo.filter((o) => o.status === "canceled")
    expect(off.map((o) => o.display_id % 40)).toEqual(off.map(() => 17))
    expect(off).toHaveLength(cancelled)
    for (const o of off) {
      expect([o.payment_collections, o.fulfillments]).toEqual([[], []])
      // Cancelled the same day, hours after the bill was made.
      expect(new Date(o.canceled_at!).getTime() - new Date(o.created_at).getTime()).toBe(3 * 3_600_000)
    }
    const back = demo.filter((o) => o.returns?.length)
    expect(back).toHaveLength(returned)
    for (const o of back) {
      expect(o.display_id % 50).toBe(9)
      expect(o.returns).toHaveLength(1)
      const [ret] = o.returns
      expect(ret.status).toBe("received")
      const { rows: received } = (await db().raw(`select item_id, received_quantity::int as received from return_item where return_id = ? and deleted_at is null`, [ret.id])) as {
        rows: { item_id: string; received: number }[]
      }
      expect(received).toEqual([{ item_id: ret.items[0].item_id, received: 1 }])
      const piece = lineAsSold.get(ret.items[0].item_id)!
      // The piece's price with GST went back on the bill's tenders.
      expect(paise(o.payment_collections[0].refunded_amount)).toBe(paise(piece.total))
      const days = (new Date(ret.received_at).getTime() - new Date(o.created_at).getTime()) / 86_400_000
      expect(days).toBeGreaterThan(1)
      expect(days).toBeLessThan(15)
      expect(new Date(ret.received_at).getTime()).toBeLessThan(Date.now())
    }
    // The admin's order page: a bill of one piece is refunded, of more, partly.
    for (const o of back) {
      const { order: shown } = (await ok(api.get(`/admin/orders/${o.id}?fields=payment_status`, owner))).data
      expect(shown.payment_status).toBe(o.items.length > 1 ? "partially_refunded" : "refunded")
    }

    // The year's sales are the bills kept, less the pieces brought back.
    const kept = demo.filter((o) => o.status !== "canceled")
    const taxable = (l: MedusaLine) => paise(l.total) - paise(l.tax_total)
    const returnedLines = back.map((o) => lineAsSold.get(o.returns[0].items[0].item_id)!)
    const sold = kept.flatMap((o) => o.items.map((l) => lineAsSold.get(l.id)!))
    const report = (await ok(api.get(`/admin/reports/sales?group_by=total&from=${yearAgo()}&to=${today()}`, owner))).data
    expect(report.totals).toMatchObject({
      bills: kept.length,
      pieces: sold.reduce((n, l) => n + Number(l.quantity), 0) - returnedLines.length,
      revenue_paise: sold.reduce((n, l) => n + taxable(l), 0) - returnedLines.reduce((n, l) => n + taxable(l), 0),
    })
    // The points: each paid bill earned at its date, a piece brought back took its share back on the day, every balance is its ledger.
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    expect(await loyalty.findBalanceMismatches()).toEqual([])
    const { rows: ledger } = (await db().raw(
      `select pe.type, pe.order_id, pe.points, pe.created_at, o.created_at as placed_at from points_entry pe join "order" o on o.id = pe.order_id
        where o.metadata ? 'demo_row' and pe.deleted_at is null`
    )) as { rows: { type: string; order_id: string; points: number; created_at: Date; placed_at: Date }[] }
    const earns = ledger.filter((e) => e.type === "earn")
    expect(new Set(earns.map((e) => e.order_id)).size).toBe(kept.length)
    expect(earns.every((e) => new Date(e.created_at).getTime() - new Date(e.placed_at).getTime() === 4 * 60_000)).toBe(true)
    for (const o of back) {
      const taken = ledger.filter((e) => e.type === "reverse" && e.order_id === o.id)
      expect(taken).toHaveLength(1)
      expect(taken[0].points).toBeLessThan(0)
      expect(new Date(taken[0].created_at)).toEqual(new Date(o.returns[0].received_at))
    }
    const points = (await ok(api.get(`/admin/reports/loyalty?from=${yearAgo()}&to=${today()}&group_by=month`, owner))).data
    const sum = (key: "issued" | "other") => points.periods.reduce((n: number, p: Record<string, number>) => n + p[key], 0)
    expect(sum("issued")).toBe(earns.reduce((n, e) => n + e.points, 0))
    expect(sum("other")).toBe(ledger.filter((e) => e.type === "reverse").reduce((n, e) => n + e.points, 0))

    // The day a piece came back, the reconciliation shows its refund.
    const ret = back[0].returns[0]
    const day = istToday(new Date(ret.received_at))
    const recon = (await ok(api.get(`/admin/payments/reconciliation?date=${day}`, owner))).data
    expect(recon.totals.refunded.amount_paise).toBeGreaterThanOrEqual(paise(returnedLines[0].total))
  })

  it("exchanges a piece of some demo bills for another of its kind: the difference paid or refunded, the new piece handed over and invoiced that day, the one given back credited", async () => {
    const container = getContainer()
    const quiet = () => undefined
    await ensureDemoCancellations(container, quiet)
    await ensureDemoPayments(container, quiet)
    await ensureDemoHandOvers(container, quiet)
    const lineAsSold = new Map((await medusaOrders()).flatMap((o) => o.items.map((l) => [l.id, l] as const)))
    await ensureDemoLoyalty(container, quiet)
    const exchanged = await ensureDemoExchanges(container, quiet)
    expect(exchanged).toBeGreaterThan(0)
    expect(await ensureDemoExchanges(container, quiet)).toBe(0)
    await rebuildSalesFacts(container)

    const { rows } = (await db().raw(
      `select e.id, e.order_id, e.return_id, e.created_at, o.display_id, o.created_at as placed_at, i.item_id as new_item_id, li.variant_id as new_variant_id,
              r.status as return_status, r.received_at, ri.item_id as given_item_id, (select li2.variant_id from order_line_item li2 where li2.id = ri.item_id) as given_variant_id
         from order_exchange e join "order" o on o.id = e.order_id
         join order_exchange_item i on i.exchange_id = e.id and i.deleted_at is null
         join order_line_item li on li.id = i.item_id
         join "return" r on r.id = e.return_id
         join return_item ri on ri.return_id = r.id and ri.deleted_at is null
        where e.deleted_at is null and o.metadata ? 'demo_row'`
    )) as { rows: { id: string; order_id: string; return_id: string; created_at: Date; display_id: number; placed_at: Date; new_item_id: string; new_variant_id: string; return_status: string; received_at: Date; given_item_id: string; given_variant_id: string }[] }
    expect(rows).toHaveLength(exchanged)
    const categoryOf = async (variantId: string) =>
      ((await db().raw(`select min(c.handle) as handle from product_variant v join product_category_product pc on pc.product_id = v.product_id join product_category c on c.id = pc.product_category_id where v.id = ?`, [variantId])) as { rows: { handle: string }[] }).rows[0].handle
    for (const e of rows) {
      expect(e.display_id % 50).toBe(34)
      const days = (new Date(e.created_at).getTime() - new Date(e.placed_at).getTime()) / 86_400_000
      expect(days).toBeGreaterThan(2)
      expect(days).toBeLessThan(21)
      // The piece given back received that day; the one taken of the same kind, handed over, and the bill settled to the paisa.
      expect([e.return_status, new Date(e.received_at).getTime()]).toEqual(["received", new Date(e.created_at).getTime()])
      expect(e.new_variant_id).not.toBe(e.given_variant_id)
      expect(await categoryOf(e.new_variant_id)).toBe(await categoryOf(e.given_variant_id))
      const { order: shown } = (await ok(api.get(`/admin/orders/${e.order_id}?fields=fulfillment_status,summary,items.id,items.detail.fulfilled_quantity`, owner))).data
      expect(shown.fulfillment_status).toBe("delivered")
      expect(Math.abs(paise(shown.summary.pending_difference))).toBe(0)
    }

    // The sales report: the piece taken counted the day of the exchange, the one given back netted out that day.
    const sales = (await ok(api.get(`/admin/reports/sales?group_by=total&from=${yearAgo()}&to=${today()}`, owner))).data
    const facts = await factsByOrder(rows.map((e) => e.order_id))
    const after = await medusaOrders({ id: rows.map((e) => e.order_id) })
    for (const order of after) {
      const e = rows.find((r) => r.order_id === order.id)!
      const given = lineAsSold.get(e.given_item_id)!
      const taken = order.items.find((l) => l.id === e.new_item_id)!
      const first = order.items.filter((l) => l.id !== e.new_item_id).map((l) => lineAsSold.get(l.id)!)
      const taxable = (l: MedusaLine) => paise(l.total) - paise(l.tax_total)
      expect(facts.get(order.id)).toMatchObject({
        pieces: first.length + 1 - 1,
        revenue: first.reduce((n, l) => n + taxable(l), 0) + taxable(taken) - taxable(given),
      })
    }
    expect(sales.totals.pieces).toBeGreaterThan(0)
    const { rows: dayFacts } = (await db().raw(
      `select kind, occurred_at from sales_fact where order_id = ? and deleted_at is null order by occurred_at, kind`,
      [rows[0].order_id]
    )) as { rows: { kind: string; occurred_at: Date }[] }
    expect(dayFacts.filter((f) => new Date(f.occurred_at).getTime() === new Date(rows[0].created_at).getTime()).map((f) => f.kind).sort()).toEqual(["return", "sale"])

    // The documents: the bill's invoice without the new piece, the exchange's invoice dated to it and paid by the difference and the credit, a credit note for the piece given back.
    await ensureDemoTaxDocuments(container, quiet)
    const invoicing = container.resolve<InvoicingModuleService>(INVOICING_MODULE)
    const documents = await invoicing.listOrderDocuments(rows.map((e) => e.order_id))
    for (const e of rows) {
      const own = documents.find((d) => d.order_id === e.order_id && d.type === "invoice" && !d.exchange_id)!
      const theirs = documents.find((d) => d.exchange_id === e.id)!
      const note = documents.find((d) => d.return_id === e.return_id)!
      expect(own.body.lines.map((l) => l.item_id)).not.toContain(e.new_item_id)
      expect([theirs.issued_at.toISOString(), theirs.body.lines.map((l) => l.item_id), theirs.body.tendered]).toEqual([
        new Date(e.created_at).toISOString(),
        [e.new_item_id],
        theirs.grand_total_paise,
      ])
      expect([note.against_id, note.body.lines.map((l) => l.item_id), note.issued_at.toISOString()]).toEqual([own.id, [e.given_item_id], new Date(e.created_at).toISOString()])
    }
    // The points: the piece given back took its share back that day; every balance is still its ledger.
    expect(await container.resolve<LoyaltyModuleService>(LOYALTY_MODULE).findBalanceMismatches()).toEqual([])
    const { rows: reversals } = (await db().raw(`select count(*)::int as n from points_entry where type = 'reverse' and idempotency_key like any(?::text[]) and deleted_at is null`, [
      rows.map((e) => `return:${e.return_id}:%`),
    ])) as { rows: { n: number }[] }
    expect(reversals[0].n).toBeGreaterThan(0)
  })

  it("issues the demo year's tax invoices and credit notes dated to the sale and the return, numbered in date order in each branch's series", async () => {
    const container = getContainer()
    const quiet = () => undefined
    await ensureDemoCancellations(container, quiet)
    await ensureDemoPayments(container, quiet)
    await ensureDemoHandOvers(container, quiet)
    expect(await ensureDemoReturns(container, quiet)).toBeGreaterThan(0)

    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: ["id", "status", "created_at", "payment_collections.captured_amount", "metadata", "sales_channel_id", "returns.id", "returns.received_at", "returns.items.item_id"],
    })
    type Demo = { id: string; status: string; created_at: string; payment_collections: { captured_amount: unknown }[]; metadata: Record<string, unknown> | null; sales_channel_id: string; returns: { id: string; received_at: string; items: { item_id: string }[] }[] }
    const kept = (data as unknown as Demo[]).filter((o) => o.metadata && "demo_row" in o.metadata && o.status !== "canceled")
    const codeOf = new Map([...channelOf].map(([branchId, channelId]) => [channelId, Object.keys(branch).find((code) => branch[code] === branchId)!]))
    const seriesOf = (o: Demo) => seriesKey("invoice", codeOf.get(o.sales_channel_id)!, financialYear(new Date(o.created_at)))

    // One bill invoiced today (as the counter or the retry job would): its series cannot take earlier numbers and is left alone.
    const withReturns = new Set(kept.filter((o) => o.returns?.length).map(seriesOf))
    const thisYear = financialYear(new Date())
    const invoicedToday = kept.find((o) => financialYear(new Date(o.created_at)) === thisYear && !withReturns.has(seriesOf(o)))!
    await issueInvoiceWorkflow(container).run({ input: { order_id: invoicedToday.id } })
    const outcome = await ensureDemoTaxDocuments(container, quiet)
    expect(outcome.refused).toEqual([seriesOf(invoicedToday)])
    expect(outcome.issued).toBeGreaterThan(50)
    expect(await ensureDemoTaxDocuments(container, quiet)).toEqual({ issued: 0, refused: outcome.refused })

    const expected = kept.filter((o) => !outcome.refused.includes(seriesOf(o)))
    expect(expected.length).toBeGreaterThan(50)
    const invoicing = container.resolve<InvoicingModuleService>(INVOICING_MODULE)
    const documents = await invoicing.listOrderDocuments(kept.map((o) => o.id))
    const invoices = new Map(documents.filter((d) => d.type === "invoice" && d.order_id !== invoicedToday.id).map((d) => [d.order_id, d]))
    expect(invoices.size).toBe(expected.length)
    for (const order of expected) {
      const invoice = invoices.get(order.id)!
      // Dated to the sale, in its branch's series for that financial year, for what the counter took (GST included, to the rupee).
      expect([invoice.issued_at.toISOString(), invoice.series, invoice.file_status]).toEqual([new Date(order.created_at).toISOString(), seriesOf(order), "on_request"])
      expect(Math.abs(invoice.grand_total_paise - paise(order.payment_collections[0].captured_amount))).toBeLessThanOrEqual(50)
    }
    // Each series numbered 1, 2, 3 … without a gap, the numbers following the dates.
    const bySeries = new Map<string, typeof documents>()
    for (const d of documents) {
      bySeries.set(d.series, [...(bySeries.get(d.series) ?? []), d])
    }
    expect(bySeries.size).toBeGreaterThan(3)
    bySeries.delete(seriesOf(invoicedToday))
    for (const docs of bySeries.values()) {
      docs.sort((a, b) => a.sequence - b.sequence)
      expect(docs.map((d) => d.sequence)).toEqual(docs.map((_, i) => i + 1))
      expect(docs.every((d, i) => i === 0 || d.issued_at.getTime() >= docs[i - 1].issued_at.getTime())).toBe(true)
    }
    // Each piece brought back: a credit note against the bill's invoice, dated to the day it came back.
    const back = expected.filter((o) => o.returns?.length)
    expect(back.length).toBeGreaterThan(0)
    for (const order of back) {
      const notes = documents.filter((d) => d.type === "credit_note" && d.order_id === order.id)
      expect(notes.map((n) => [n.return_id, n.against_id, n.issued_at.toISOString()])).toEqual([
        [order.returns[0].id, invoices.get(order.id)!.id, new Date(order.returns[0].received_at).toISOString()],
      ])
      expect(notes[0].body.lines.map((l) => l.item_id)).toEqual([order.returns[0].items[0].item_id])
    }
    // The retry job leaves their PDFs to be drawn on download; a download draws and keeps one.
    const waiting = await invoicing.listDocumentsAwaitingFile(10_000)
    expect(waiting.filter((d) => d.file_status === "on_request")).toEqual([])
    const sample = invoices.get(expected[0].id)!
    const json = (await ok(api.get(`/admin/orders/${expected[0].id}/invoice?format=json`, owner))).data.tax_document
    expect([json.id, json.number]).toEqual([sample.id, sample.number])
    const pdf = (await expectStatus(api.get(`/admin/orders/${expected[0].id}/invoice`, { ...owner, responseType: "arraybuffer" }))) as Download
    expect([pdf.status, pdf.headers["content-type"]]).toEqual([200, "application/pdf"])
    expect((await invoicing.getDocument({ id: sample.id }))!.file_status).toBe("stored")

    // The year's documents for Tally: a voucher each, its entries balancing, the ledgers created first, sales credited as invoiced.
    const period = `from=${yearAgo()}&to=${today()}`
    const tally = async (who: Headers, query = period) => {
      const res = await expectStatus(api.get(`/admin/reports/tally?${query}`, { ...who, responseType: "text" }))
      expect(res.status).toBe(200)
      const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, isArray: (name) => ["TALLYMESSAGE", "ALLLEDGERENTRIES.LIST", "ALLINVENTORYENTRIES.LIST"].includes(name) }).parse(
        String(res.data)
      )
      type Voucher = {
        "@VCHTYPE": string
        VOUCHERNUMBER: string
        PARTYLEDGERNAME: string
        "ALLLEDGERENTRIES.LIST": { LEDGERNAME: string; AMOUNT: string }[]
        "ALLINVENTORYENTRIES.LIST"?: { STOCKITEMNAME: string; ACTUALQTY: string }[]
      }
      const messages = parsed.ENVELOPE.BODY.IMPORTDATA.REQUESTDATA.TALLYMESSAGE as { LEDGER?: { "@NAME": string }; STOCKITEM?: { "@NAME": string }; VOUCHER?: Voucher }[]
      const vouchers = messages.flatMap((m) => (m.VOUCHER ? [m.VOUCHER] : []))
      return {
        ledgers: messages.flatMap((m) => (m.LEDGER ? [m.LEDGER["@NAME"]] : [])),
        items: messages.flatMap((m) => (m.STOCKITEM ? [m.STOCKITEM["@NAME"]] : [])),
        // Job work's Material Out and In move metal, not money: they are checked apart.
        vouchers: vouchers.filter((v) => v["ALLLEDGERENTRIES.LIST"]),
        jobWork: vouchers.filter((v) => v["ALLINVENTORYENTRIES.LIST"]),
      }
    }
    const year = await tally(owner, `${period}&vouchers=sales`)
    expect(year.vouchers.map((v) => v.VOUCHERNUMBER).sort()).toEqual(documents.map((d) => d.number).sort())
    const paiseOf = (amount: string) => Math.round(Number(amount) * 100)
    for (const v of year.vouchers) {
      expect(v["ALLLEDGERENTRIES.LIST"].reduce((n, e) => n + paiseOf(e.AMOUNT), 0)).toBe(0)
      expect(v["ALLLEDGERENTRIES.LIST"].every((e) => year.ledgers.includes(e.LEDGERNAME))).toBe(true)
    }
    const salesCredited = year.vouchers
      .filter((v) => v["@VCHTYPE"] === "Sales")
      .flatMap((v) => v["ALLLEDGERENTRIES.LIST"].filter((e) => e.LEDGERNAME.startsWith("Sales - ")))
      .reduce((n, e) => n + paiseOf(e.AMOUNT), 0)
    expect(salesCredited).toBe(documents.filter((d) => d.type === "invoice").reduce((n, d) => n + d.body.totals.taxable_value, 0))
    expect(year.vouchers.filter((v) => v["@VCHTYPE"] === "Credit Note")).toHaveLength(documents.filter((d) => d.type === "credit_note").length)
    // A Mumbai manager's file holds Mumbai's documents only.
    const mumbai = await tally(mumbaiManager, `${period}&vouchers=sales`)
    expect(mumbai.vouchers.length).toBeGreaterThan(0)
    expect(mumbai.vouchers.every((v) => v.VOUCHERNUMBER.startsWith("MUM/"))).toBe(true)
    expect(mumbai.vouchers.length).toBe(documents.filter((d) => d.branch_code === "MUM").length)
    // The money: a Receipt a capture into its tender's ledger, a Payment a refund out of it, each balanced; with the
    // sales and credit notes, each bill's party owes nothing once paid (a bill's capture and its invoice's rupee differ by its round-off).
    const { rows: moved } = (await db().raw(
      `select (select count(*) from capture c where c.deleted_at is null and c.created_at >= ?)::int as captures,
              (select count(*) from refund r where r.deleted_at is null and r.created_at >= ?)::int as refunds,
              (select coalesce(sum(round(c.amount * 100)), 0) from capture c join payment p on p.id = c.payment_id where c.deleted_at is null and c.created_at >= ? and p.provider_id = 'pp_instore_cash')::bigint as cash`,
      [...Array(3)].map(() => new Date(`${yearAgo()}T00:00:00+05:30`))
    )) as { rows: { captures: number; refunds: number; cash: string }[] }
    // Job work in the period: a bar out to a karigar and one bangle back.
    const karigar = (await ok(api.post("/admin/karigars", { name: "Report Karigar" }, owner))).data.karigar
    const challan = (
      await ok(api.post("/admin/karigar-issues", { branch_id: branch.MUM, karigar_id: karigar.id, metal: "gold", description: "22K bar for a bangle", purity: 916, gross_weight: "20" }, owner))
    ).data.issue
    await ok(api.post(`/admin/karigar-issues/${challan.id}/receipts`, { form: "pieces", description: "1 bangle", purity: 916, gross_weight: "19.5" }, owner))
    const both = await tally(owner)
    const money = both.vouchers.filter((v) => v["@VCHTYPE"] === "Receipt" || v["@VCHTYPE"] === "Payment")
    expect([money.filter((v) => v["@VCHTYPE"] === "Receipt").length, money.filter((v) => v["@VCHTYPE"] === "Payment").length]).toEqual([moved[0].captures, moved[0].refunds])
    expect(moved[0].refunds).toBeGreaterThan(0)
    for (const v of both.vouchers) {
      expect(v["ALLLEDGERENTRIES.LIST"].reduce((n, e) => n + paiseOf(e.AMOUNT), 0)).toBe(0)
      expect(v["ALLLEDGERENTRIES.LIST"].every((e) => both.ledgers.includes(e.LEDGERNAME))).toBe(true)
    }
    const ledgerNet = (name: (ledger: string) => boolean) =>
      both.vouchers.flatMap((v) => v["ALLLEDGERENTRIES.LIST"]).filter((e) => name(e.LEDGERNAME)).reduce((n, e) => n + paiseOf(e.AMOUNT), 0)
    // Debits are negative: the cash books hold the cash taken, less the cash refunded.
    expect(-ledgerNet((l) => l.startsWith("Cash - "))).toBeLessThanOrEqual(Number(moved[0].cash))
    expect(-ledgerNet((l) => l.startsWith("Cash - "))).toBeGreaterThan(0)
    // (Checked at the branches whose series took the demo year's documents: the one left alone has receipts without invoices.)
    const refusedBranch = outcome.refused[0].split(":")[1]
    const invoicedBranches = ["MUM", "PUN", "BLR"].filter((code) => code !== refusedBranch)
    for (const code of invoicedBranches) {
      const bills = documents.filter((d) => d.branch_code === code && d.type === "invoice").length
      expect(bills).toBeGreaterThan(0)
      expect(Math.abs(ledgerNet((l) => l === `Retail Customers - ${code}`))).toBeLessThanOrEqual(50 * bills)
    }
    // Job work: a Material Out a challan and a Material In a receipt, of the fine metal, to and from the karigar's ledger.
    const { rows: jobWork } = (await db().raw(
      `select i.number, i.fine_weight_mg as fine, k.name, 'out' as way from karigar_issue i join karigar k on k.id = i.karigar_id where i.deleted_at is null
       union all select i.number, r.fine_weight_mg, k.name, 'in' from karigar_receipt r join karigar_issue i on i.id = r.issue_id join karigar k on k.id = r.karigar_id where r.deleted_at is null`
    )) as { rows: { number: string; fine: number; name: string; way: string }[] }
    expect(jobWork.length).toBeGreaterThanOrEqual(2)
    const challanFigures = (way: string) =>
      jobWork
        .filter((j) => j.way === way)
        .map((j) => [j.number, `${j.name} (Job Worker)`, `${(Number(j.fine) / 1000).toFixed(3)} g`])
        .sort()
    const asMoved = (type: string) =>
      both.jobWork
        .filter((v) => v["@VCHTYPE"] === type)
        .map((v) => [v.VOUCHERNUMBER.replace(/\/R\d+$/, ""), v.PARTYLEDGERNAME, v["ALLINVENTORYENTRIES.LIST"]![0].ACTUALQTY])
        .sort()
    expect([asMoved("Material Out"), asMoved("Material In")]).toEqual([challanFigures("out"), challanFigures("in")])
    expect(both.jobWork.every((v) => both.ledgers.includes(v.PARTYLEDGERNAME) && both.items.includes(v["ALLINVENTORYENTRIES.LIST"]![0].STOCKITEMNAME))).toBe(true)
    // CSV for other packages: a row a ledger entry (and a job-work stock entry, with no money), debits equal to credits.
    const csv = await expectStatus(api.get(`/admin/reports/tally?${period}&format=csv`, { ...owner, responseType: "text" }))
    const rows = (parse(String(csv.data), { bom: true }) as string[][]).slice(1)
    expect(rows.length).toBe(both.vouchers.reduce((n, v) => n + v["ALLLEDGERENTRIES.LIST"].length, 0) + both.jobWork.length)
    const column = (i: number) => rows.reduce((n, r) => n + (r[i] ? paiseOf(r[i]) : 0), 0)
    expect(column(4)).toBe(column(5))
    const bad = await expectStatus(api.get(`/admin/reports/tally?${period}&format=pdf`, owner))
    expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/format/)])
  })

  it("keeps the stock at each day's close: yesterday's snapshot is the stock report as it was taken, once, and a manager's is Mumbai's", async () => {
    const now = new Date()
    const yesterday = addDays(istToday(now), -1)
    const history = (who: Headers, query = `from=${yesterday}&to=${yesterday}`) => ok(api.get(`/admin/reports/stock/history?${query}`, who)).then((r) => r.data)
    expect((await history(owner)).days).toEqual([])

    expect(await takeMissingStockSnapshot(getContainer(), now)).toBe(yesterday)
    // The job runs every quarter of an hour: the day is taken once. The next tick of the same IST day (in the last
    // quarter of an hour before midnight, the next tick is a new day with a new yesterday: the same moment again).
    const nextTick = new Date(now.getTime() + 15 * 60_000)
    expect(await takeMissingStockSnapshot(getContainer(), istToday(nextTick) === istToday(now) ? nextTick : now)).toBeNull()

    const live = (await ok(api.get("/admin/reports/stock?group_by=total", owner))).data.totals
    const shop = await history(owner)
    expect(shop.days).toHaveLength(1)
    expect(shop.days[0]).toEqual({
      day: yesterday,
      taken_at: now.toISOString(),
      pieces: live.pieces,
      gross_weight_mg: live.gross_weight_mg,
      net_weight_mg: live.net_weight_mg,
      metal_value_paise: live.metal_value_paise,
      unvalued_pieces: live.unvalued_pieces,
      price_paise: live.price_paise,
      cost_paise: live.cost_paise,
      costed_pieces: live.costed_pieces,
      dead_pieces: live.ageing["365+"],
    })
    // Taking the day again replaces it rather than adding to it.
    await takeStockSnapshot(getContainer(), yesterday, now)
    expect((await history(owner)).days).toEqual(shop.days)

    const mumbai = (await ok(api.get("/admin/reports/stock?group_by=total", mumbaiManager))).data.totals
    const mine = await history(mumbaiManager)
    expect(mine.days[0].pieces).toBe(mumbai.pieces)
    expect(mine.days[0].pieces).toBeLessThan(shop.days[0].pieces)
    expect((await expectStatus(api.get(`/admin/reports/stock/history?branch_id=${branch.PUN}`, mumbaiManager))).status).toBe(403)
    const gold = await history(owner, `from=${yesterday}&to=${yesterday}&metal=gold&purity=999`)
    const gold999 = (await ok(api.get("/admin/reports/stock?group_by=total&metal=gold&purity=999", owner))).data.totals
    expect(gold.days[0]).toMatchObject({ pieces: gold999.pieces, net_weight_mg: gold999.net_weight_mg, metal_value_paise: gold999.metal_value_paise })
    const backwards = await expectStatus(api.get(`/admin/reports/stock/history?from=${istToday(now)}&to=${yesterday}`, owner))
    expect([backwards.status, backwards.data.message]).toEqual([400, expect.stringMatching(/before from/)])
  })

  it("tells who bought: new and repeat customers, the best ones, the lapsed and the cohorts, as Medusa's orders say", async () => {
    const { data } = await getContainer()
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "order", fields: ["id", "customer_id", "created_at", "status", "sales_channel_id", "total", "items.total", "items.tax_total"] })
    const orders = (data as unknown as (MedusaOrder & { customer_id: string; created_at: string })[]).filter((o) => o.status !== "canceled" && o.customer_id)
    const byCustomer = new Map<string, { dates: number[]; revenue: number; mumbai: boolean }>()
    const mumbaiChannel = channelOf.get(branch.MUM)
    for (const o of orders) {
      const c = byCustomer.get(o.customer_id) ?? { dates: [], revenue: 0, mumbai: false }
      c.dates.push(new Date(o.created_at).getTime())
      c.revenue += o.items.reduce((sum, l) => sum + paise(l.total) - paise(l.tax_total), 0)
      c.mumbai ||= o.sales_channel_id === mumbaiChannel
      byCustomer.set(o.customer_id, c)
    }
    const customers = [...byCustomer.entries()]
    const lapsedBefore = Date.now() - 180 * 86_400_000

    const report = (await ok(api.get(`/admin/reports/customers?from=${yearAgo()}&to=${today()}&limit=3`, owner))).data
    // Every demo order is within the year: every buyer is new in it.
    expect(report.mix).toMatchObject({
      customers: customers.length,
      new_customers: customers.length,
      returning_customers: 0,
      repeat_customers: customers.filter(([, c]) => c.dates.length >= 2).length,
    })
    const best = [...customers].sort((a, b) => b[1].revenue - a[1].revenue)[0]
    expect(report.top[0]).toMatchObject({ customer_id: best[0], revenue_paise: best[1].revenue, bills: best[1].dates.length })
    expect(report.top[0].name).not.toBe(best[0])
    expect(report.lapsed.count).toBe(customers.filter(([, c]) => Math.max(...c.dates) < lapsedBefore).length)
    // Cohorts of the last 12 months (this one and the 11 before): the customers whose first order is in them.
    const [year, month] = today().split("-").map(Number)
    const cohortStart = new Date(`${new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 10)}T00:00:00+05:30`).getTime()
    expect(report.cohorts.reduce((n: number, c: { size: number }) => n + c.size, 0)).toBe(customers.filter(([, c]) => Math.min(...c.dates) >= cohortStart).length)
    expect(report.cohorts[0].months[0].month).toBe(0)

    // A Mumbai manager: the customers who bought at Mumbai.
    const mine = (await ok(api.get(`/admin/reports/customers?from=${yearAgo()}&to=${today()}`, mumbaiManager))).data
    expect(mine.mix.customers).toBe(customers.filter(([, c]) => c.mumbai).length)
    const bad = await expectStatus(api.get("/admin/reports/customers?lapsed_days=7", owner))
    expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/lapsed_days/)])
  })

  it("refuses bad filters with a 400 naming the field", async () => {
    const refused = async (query: string) => {
      const res = await expectStatus(api.get(`/admin/reports/sales?${query}`, owner))
      return [res.status, res.data.message]
    }
    expect(await refused("colour=red")).toEqual([400, expect.stringMatching(/colour/)])
    expect(await refused("from=2026-11-30&to=2026-11-01")).toEqual([400, "to (2026-11-01) is before from (2026-11-30)"])
    expect(await refused("from=2020-01-01&to=2026-11-01")).toEqual([400, expect.stringMatching(/^from: a report covers at most five years/)])
    expect(await refused("branch_id=br_nowhere")).toEqual([400, 'branch_id: no branch "br_nowhere"'])
    expect(await refused("from=2026-02-30")).toEqual([400, expect.stringMatching(/from is not a calendar day/)])
    expect(await refused("group_by=colour")).toEqual([400, expect.stringMatching(/group_by/)])
    expect(await refused("metal=copper")).toEqual([400, expect.stringMatching(/metal/)])
  })

  it("exports the table as CSV and Excel, named after the grouping, period and filters", async () => {
    const from = yearAgo()
    const csv = (await ok(api.get(`/admin/reports/sales/export?group_by=branch&from=${from}&to=${today()}&metal=gold`, owner))) as Download
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8")
    expect(csv.headers["content-disposition"]).toBe(`attachment; filename="sales-by-branch_${from}_${today()}_gold.csv"`)
    const lines = String(csv.data).replace(/^\ufeff/, "").trim().split("\n")
    expect(lines[0]).toBe(
      "Group,Bills,Pieces (net of returns),Pieces returned,Gross weight (g),Net weight (g),Sales before GST (₹),GST (₹),Sales with GST (₹),Discounts (₹),Average bill before GST (₹),Average making charge a piece (₹)"
    )
    // A row a branch, then the totals.
    expect(lines).toHaveLength(5)
    for (const name of ["Mumbai", "Pune", "Bengaluru"]) {
      expect(lines.slice(1, 4).filter((l) => l.includes(name))).toHaveLength(1)
    }
    expect(lines[4]).toMatch(/^Total,\d+,/)
    const xlsx = (await ok(api.get(`/admin/reports/sales/export?format=xlsx&group_by=month`, { ...owner, responseType: "arraybuffer" }))) as Download
    expect(xlsx.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    expect(Buffer.from(xlsx.data).subarray(0, 2).toString()).toBe("PK")
  })

  it("puts each staff member's sales beside their follow-ups, per branch, as the sales report counts them", async () => {
    const me = (await ok(api.get("/admin/users/me", mumbaiStaff))).data.user
    const now = Date.now()
    const hour = 3_600_000
    // Done today in India: an hour ago, or just after midnight when the day is not an hour old yet.
    const doneAt = (ago: number) => new Date(Math.max(now - ago * hour, istDayRange(istToday(new Date(now))).from.getTime() + 60_000))
    const task = (title: string, dueIn: number, status: "open" | "done" | "cancelled", completedAgo?: number) => ({
      customer_id: "cus_staff_report",
      title,
      due_at: new Date(now + dueIn * hour),
      assignee_user_id: me.id,
      branch_id: branch.MUM,
      status,
      completed_at: completedAgo === undefined ? null : doneAt(completedAgo),
    })
    await getContainer()
      .resolve<CrmModuleService>(CRM_MODULE)
      .createFollowUpTasks([
        task("Call about the bangles", -3, "done", 1), // done after it was due
        task("Show the new chokers", 2, "done", 1), // done in time
        task("Send the ring sizes", -2, "open"), // overdue
        task("Invite to the Diwali preview", 48, "open"),
        task("Never mind", -5, "cancelled"),
      ])
    const day = (await ok(api.get(`/admin/reports/staff?from=${today()}&to=${today()}`, owner))).data
    const mine = day.rows.find((r: { staff_user_id: string; branch_id: string }) => r.staff_user_id === me.id && r.branch_id === branch.MUM)
    expect(mine).toMatchObject({ staff_name: "Counter Staff", branch_name: "Mumbai – Zaveri Bazaar", follow_ups: { done: 2, done_late: 1, open: 2, overdue: 1 } })
    const byStaff = (await ok(api.get(`/admin/reports/sales?group_by=staff&from=${today()}&to=${today()}&branch_id=${branch.MUM}`, owner))).data.rows
    const sold = byStaff.find((r: { key: string }) => r.key === me.id) ?? { bills: 0, pieces: 0, revenue_paise: 0 }
    expect([mine.bills, mine.pieces, mine.revenue_paise]).toEqual([sold.bills, sold.pieces, sold.revenue_paise])

    // Over the year the rows add up to the sales report's totals, online sales (no staff member) included.
    const year = (await ok(api.get(`/admin/reports/staff?from=${yearAgo()}&to=${today()}`, owner))).data
    const sales = (await ok(api.get(`/admin/reports/sales?group_by=total&from=${yearAgo()}&to=${today()}`, owner))).data.totals
    expect([year.totals.bills, year.totals.pieces, year.totals.revenue_paise]).toEqual([sales.bills, sales.pieces, sales.revenue_paise])
    expect(year.rows.reduce((n: number, r: { revenue_paise: number }) => n + r.revenue_paise, 0)).toBe(sales.revenue_paise)

    // A Mumbai manager sees Mumbai's rows only; a salesperson has no reports.
    const managers = (await ok(api.get(`/admin/reports/staff?from=${yearAgo()}`, mumbaiManager))).data
    expect(new Set(managers.rows.map((r: { branch_id: string }) => r.branch_id))).toEqual(new Set([branch.MUM]))
    expect((await expectStatus(api.get(`/admin/reports/staff?branch_id=${branch.PUN}`, mumbaiManager))).status).toBe(403)
    expect((await expectStatus(api.get("/admin/reports/staff", mumbaiStaff))).status).toBe(403)
    const bad = await expectStatus(api.get("/admin/reports/staff?metal=gold", owner))
    expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/metal/)])

    const csv = (await ok(api.get(`/admin/reports/staff/export?from=${today()}&to=${today()}&branch_id=${branch.MUM}`, owner))) as Download
    expect(csv.headers["content-disposition"]).toBe(`attachment; filename="staff_${today()}_${today()}_${branch.MUM.toLowerCase().replace(/_/g, "-")}.csv"`)
    const lines = String(csv.data).replace(/^\ufeff/, "").trim().split("\n")
    expect(lines[0]).toBe("Staff member,Branch,Bills,Pieces (net of returns),Net weight (g),Sales before GST (₹),Average bill before GST (₹),Follow-ups done,Of them late,Follow-ups open,Of them overdue")
    expect(lines.find((l) => l.startsWith("Counter Staff,Mumbai – Zaveri Bazaar,") && l.endsWith(",2,1,2,1"))).toBeDefined()
    expect(lines[lines.length - 1]).toMatch(/^Total,,/)
  })

  it("exports the stock, dead-stock and customer tables as they are on screen", async () => {
    const stock = (await ok(api.get("/admin/reports/stock?group_by=branch", owner))).data
    const csv = (await ok(api.get("/admin/reports/stock/export?group_by=branch", owner))) as Download
    const lines = String(csv.data).replace(/^\ufeff/, "").trim().split("\n")
    expect(csv.headers["content-disposition"]).toMatch(/^attachment; filename="stock-by-branch_\d{4}-\d{2}-\d{2}\.csv"$/)
    expect(lines[0]).toBe("Group,Pieces,Gross weight (g),Net weight (g),Metal at today's rate (₹),Price before GST (₹),At cost (₹),Pieces with a cost,0–90 days,91–180 days,181–365 days,Over a year")
    expect(lines).toHaveLength(stock.rows.length + 2)
    // The totals row: pieces with Indian grouping, rupees to the paisa.
    const indian = (n: number, decimals: number) => {
      const [whole, fraction] = n.toFixed(decimals).split(".")
      const grouped = whole.length > 3 ? `${whole.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ",")},${whole.slice(-3)}` : whole
      return fraction ? `${grouped}.${fraction}` : grouped
    }
    expect(lines[lines.length - 1]).toMatch(/^Total,/)
    expect(lines[lines.length - 1]).toContain(indian(stock.totals.pieces, 0))
    expect(lines[lines.length - 1]).toContain(indian(stock.totals.metal_value_paise / 100, 2))

    const dead = (await ok(api.get("/admin/reports/stock/export?table=dead_stock&format=xlsx", { ...owner, responseType: "arraybuffer" }))) as Download
    expect(dead.headers["content-disposition"]).toMatch(/filename="dead-stock_[\d-]+\.xlsx"/)
    expect(Buffer.from(dead.data).subarray(0, 2).toString()).toBe("PK")

    const report = (await ok(api.get(`/admin/reports/customers?from=${yearAgo()}&to=${today()}&limit=100`, owner))).data
    const top = (await ok(api.get(`/admin/reports/customers/export?table=top&from=${yearAgo()}&to=${today()}`, owner))) as Download
    const topRows = parse(String(top.data), { bom: true }) as string[][]
    expect(topRows[0]).toEqual(["Customer", "Customer id", "Bills", "Sales before GST (₹)"])
    expect(topRows.slice(1, 101).map((r) => r[1])).toEqual(report.top.map((c: { customer_id: string }) => c.customer_id))
    const cohorts = (await ok(api.get(`/admin/reports/customers/export?table=cohorts&from=${yearAgo()}&to=${today()}`, owner))) as Download
    expect(String(cohorts.data).replace(/^\ufeff/, "").split("\n")[0]).toMatch(/^First purchase in,Customers,Buying in month 0,/)
    const bad = await expectStatus(api.get("/admin/reports/customers/export?table=everyone", owner))
    expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/table/)])
  })

  it("sends the owner yesterday's whole shop and a branch manager their branch, once a day, as the reports count it", async () => {
    const users = getContainer().resolve(Modules.USER)
    const [ownerAccess] = await getContainer().resolve<AccessModuleService>(ACCESS_MODULE).listStaffAccesses({ role: "owner" })
    await users.updateUsers({ id: ownerAccess.user_id, first_name: "Ravi", metadata: { phone: "98200 77777" } })
    const manager = (await ok(api.get("/admin/users/me", mumbaiManager))).data.user
    const env = { DAILY_SUMMARY_AT: "09:00" }
    const now = new Date()
    const day = summaryDay(parseSummaryTime(env.DAILY_SUMMARY_AT)!, now)
    expect(await sendDailySummaries(getContainer(), now, { DAILY_SUMMARY_AT: "off" })).toBe(0)
    expect(await sendDailySummaries(getContainer(), now, env)).toBeGreaterThanOrEqual(2)
    expect(await sendDailySummaries(getContainer(), now, env)).toBe(0)

    const messages = await getContainer().resolve<MessagingModuleService>(MESSAGING_MODULE).listMessages({ event: "daily_summary", idempotency_key: { $like: `daily-summary:%:${day}` } })
    const shop = (await ok(api.get(`/admin/reports/sales?group_by=total&from=${day}&to=${day}`, owner))).data.totals
    const mumbai = (await ok(api.get(`/admin/reports/sales?group_by=total&from=${day}&to=${day}&branch_id=${branch.MUM}`, owner))).data.totals
    const label = new Date(`${day}T00:00:00Z`).toLocaleDateString("en-IN", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })
    const toOwner = messages.filter((m) => m.user_id === ownerAccess.user_id)
    expect(toOwner).toHaveLength(1)
    expect(toOwner[0].to).toBe("+919820077777")
    expect(toOwner[0].body).toContain(`All branches, ${label}: sales ${formatInr(shop.revenue_paise)} before GST (${formatInr(shop.total_paise)} with GST), ${shop.bills} bills, ${shop.pieces} pieces`)
    const toManager = messages.filter((m) => m.user_id === manager.id)
    expect(toManager).toHaveLength(1)
    expect(toManager[0].body).toContain(`Mumbai – Zaveri Bazaar, ${label}: sales ${formatInr(mumbai.revenue_paise)} before GST`)
    // The manager has no phone on record: kept, not sent, with why.
    expect([toManager[0].to, toManager[0].status]).toEqual([null, "not_sent"])
    const { rows } = (await db().raw(`select count(*)::int as n from follow_up_task where status = 'open' and deleted_at is null and branch_id = ? and due_at < ?`, [branch.MUM, now.toISOString()])) as {
      rows: { n: number }[]
    }
    expect(toManager[0].body).toMatch(new RegExp(`Overdue follow-ups: ${rows[0].n}\\.$`))
  })

  it("streams every line behind the sales report, as many as the facts hold, adding up to the report", async () => {
    const from = yearAgo()
    const res = (await ok(api.get(`/admin/reports/sales/lines/export?from=${from}&to=${today()}`, owner))) as Download
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="sales-lines_${from}_${today()}.csv"`)
    const rows = parse(String(res.data), { bom: true }) as string[][]
    expect(rows[0].slice(0, 4)).toEqual(["Date (India)", "Order", "Sale or return", "Branch"])
    const lines = rows.slice(1)
    expect(lines.length).toBe(Number(res.headers["x-total-rows"]))
    const { rows: facts } = (await db().raw(`select count(*)::int as n from sales_fact where deleted_at is null and occurred_at >= ?`, [
      new Date(`${from}T00:00:00+05:30`).toISOString(),
    ])) as { rows: { n: number }[] }
    expect(lines.length).toBe(facts[0].n)
    // In time order, and the rupees add up to the report's (Indian grouping undone).
    const times = lines.map((l) => l[0])
    expect([...times].sort()).toEqual(times)
    const rupees = (cell: string) => Math.round(Number(cell.replace(/,/g, "")) * 100)
    const revenueColumn = rows[0].indexOf("Sales before GST (₹)")
    const totals = (await ok(api.get(`/admin/reports/sales?group_by=total&from=${from}&to=${today()}`, owner))).data.totals
    expect(lines.reduce((n, l) => n + rupees(l[revenueColumn]), 0)).toBe(totals.revenue_paise)
    expect(new Set(lines.map((l) => l[2]))).toEqual(new Set(lines.some((l) => l[2] === "Return") ? ["Sale", "Return"] : ["Sale"]))

    // A Mumbai manager's file holds Mumbai's lines only; Excel streams too.
    const mine = parse(String((await ok(api.get(`/admin/reports/sales/lines/export?from=${from}`, mumbaiManager))).data), { bom: true }) as string[][]
    expect(new Set(mine.slice(1).map((l) => l[3]))).toEqual(new Set(["Mumbai – Zaveri Bazaar"]))
    const xlsx = (await ok(api.get(`/admin/reports/sales/lines/export?format=xlsx&from=${today()}`, { ...owner, responseType: "arraybuffer" }))) as Download
    expect(Buffer.from(xlsx.data).subarray(0, 2).toString()).toBe("PK")
    const bad = await expectStatus(api.get("/admin/reports/sales/lines/export?group_by=day", owner))
    expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/group_by/)])
  })

  it("writes the line file's numbers in PostgreSQL as the other files write them in TypeScript (Indian grouping)", async () => {
    const samples: [number, number][] = [[0, 2], [5, 2], [999.5, 2], [1000, 2], [12345.67, 2], [-123456.7, 2], [12345678.5, 2], [100000000, 0], [4.24, 3], [123456.789, 3], [-7, 0]]
    const { rows } = (await db().raw(
      `select ${samples.map(([v, d], i) => `${indianNumberSql(`${v}::numeric`, d)} as "${i}"`).join(", ")}, ${indianNumberSql("null::numeric", 2)} as "none"`
    )) as { rows: Record<string, string | null>[] }
    expect(samples.map((_, i) => rows[0][String(i)])).toEqual(samples.map(([v, d]) => indianNumber(v, d)))
    expect(rows[0].none).toBeNull()
    // A staff member's name as the users' module gives it (a counter sale has one); a line without one is empty.
    const customer = (await ok(api.post("/admin/crm/customers", { first_name: "Lines", last_name: "Buyer", email: "lines.buyer@example.in", phone: "9820377002" }, owner))).data.customer
    const quote = (await ok(api.post("/admin/pos/quote", { branch_id: branch.MUM, customer_id: customer.id, items: [{ tag_code: COIN }] }, mumbaiStaff))).data.quote
    await ok(
      api.post(
        "/admin/pos/orders",
        { idempotency_key: "lines-sale-1", branch_id: branch.MUM, customer_id: customer.id, items: [{ tag_code: COIN }], tenders: [{ kind: "upi", amount: quote.total }] },
        mumbaiStaff
      )
    )
    await eventsSettled(getContainer())
    const file = parse(String((await ok(api.get(`/admin/reports/sales/lines/export?from=${yearAgo()}`, owner))).data), { bom: true }) as string[][]
    const staffColumn = file[0].indexOf("Staff member")
    const { users } = (await ok(api.get("/admin/users?limit=100", owner))).data as { users: { first_name: string | null; last_name: string | null; email: string }[] }
    const names = new Set(users.map((u) => [u.first_name, u.last_name].filter(Boolean).join(" ") || u.email))
    const named = file.slice(1).map((l) => l[staffColumn]).filter(Boolean)
    expect(named.every((name) => names.has(name))).toBe(true)
    expect(named.length).toBeGreaterThan(0)
  })

  it("follows the points ledger month by month to what is outstanding, and what each campaign brought for its discount", async () => {
    const newCustomer = async (n: number, branchId: string) =>
      (await ok(api.post("/admin/crm/customers", { first_name: "Points", last_name: `Holder ${n}`, phone: `98203770${10 + n}`, home_branch_id: branchId }, owner))).data.customer.id as string
    const [mumbaiCustomer, puneCustomer] = [await newCustomer(1, branch.MUM), await newCustomer(2, branch.PUN)]
    const month = `${today().slice(0, 8)}01`
    const report = async (headers: Headers, query = "") => (await ok(api.get(`/admin/reports/loyalty?from=${month}&to=${today()}${query}`, headers))).data
    const thisMonth = (r: { periods: { period: string }[] }) =>
      (r.periods.find((p) => p.period === month) ?? { issued: 0, redeemed: 0, expired: 0, other: 0, outstanding: 0 }) as { issued: number; redeemed: number; expired: number; other: number; outstanding: number }
    const [shopBefore, mumbaiBefore] = [await report(owner), await report(mumbaiManager)]

    const loyalty = getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const post = (customer_id: string, type: "earn" | "bonus" | "redeem" | "expire", points: number) =>
      loyalty.postEntry({ customer_id, type, points, idempotency_key: `loyalty-report-${customer_id}-${type}`, branch_id: branch.MUM })
    await post(mumbaiCustomer, "earn", 500)
    await post(mumbaiCustomer, "redeem", -200)
    await post(mumbaiCustomer, "expire", -50)
    await post(puneCustomer, "bonus", 300)

    const shop = await report(owner)
    const delta = (after: ReturnType<typeof thisMonth>, before: ReturnType<typeof thisMonth>) => [
      after.issued - before.issued,
      after.redeemed - before.redeemed,
      after.expired - before.expired,
      after.outstanding - before.outstanding,
    ]
    expect(delta(thisMonth(shop), thisMonth(shopBefore))).toEqual([800, 200, 50, 550])
    // What is outstanding at the end is the whole ledger, valued at today's point value.
    const { rows } = (await db().raw(`select coalesce(sum(points), 0)::int as points from points_entry where deleted_at is null`)) as { rows: { points: number }[] }
    expect(shop.closing).toEqual({ points: rows[0].points, value_paise: rows[0].points * shop.point_value_paise })
    expect(shop.periods[shop.periods.length - 1].outstanding).toBe(shop.closing.points)
    // A Mumbai manager follows Mumbai's customers only.
    expect(delta(thisMonth(await report(mumbaiManager)), thisMonth(mumbaiBefore))).toEqual([500, 200, 50, 250])

    const offers = getContainer().resolve<OffersModuleService>(OFFERS_MODULE)
    const campaign = await offers.createCampaigns({ name: "Report test: Diwali", offer_type: "fixed", offer_value: 50_000, status: "finished" })
    const run = await offers.createCampaignRuns({ campaign_id: campaign.id, occasion: "once", status: "succeeded" })
    const now = new Date()
    await offers.createOffers([
      { campaign_id: campaign.id, run_id: run.id, customer_id: mumbaiCustomer, occasion: "once", code: "RPT-DIWALI-1", status: "redeemed", issued_at: now, redeemed_at: now, order_total: 10_000.5, discount_total: 500 },
      { campaign_id: campaign.id, run_id: run.id, customer_id: puneCustomer, occasion: "once", code: "RPT-DIWALI-2", status: "sent", issued_at: now },
    ])
    const withCampaign = await report(owner)
    expect(withCampaign.campaigns.find((c: { campaign_id: string }) => c.campaign_id === campaign.id)).toEqual({
      campaign_id: campaign.id,
      name: "Report test: Diwali",
      kind: "manual",
      issued: 2,
      redeemed: 1,
      revenue_paise: 10_00_050,
      discount_paise: 50_000,
      return_on_discount: 20,
    })
    const managers = (await report(mumbaiManager)).campaigns.find((c: { campaign_id: string }) => c.campaign_id === campaign.id)
    expect([managers.issued, managers.redeemed]).toEqual([1, 1])

    const points = parse(String((await ok(api.get(`/admin/reports/loyalty/export?from=${month}&to=${today()}`, owner))).data), { bom: true }) as string[][]
    expect(points[0]).toEqual(["Period from", "Issued", "Redeemed", "Expired", "Taken back", "Outstanding at the end", "Outstanding value today (₹)"])
    expect(points[points.length - 1][0]).toBe("Total")
    expect(points[points.length - 1][5].replace(/,/g, "")).toBe(String(shop.closing.points))
    const campaigns = parse(String((await ok(api.get(`/admin/reports/loyalty/export?table=campaigns&from=${month}&to=${today()}`, owner))).data), { bom: true }) as string[][]
    expect(campaigns.find((r) => r[0] === "Report test: Diwali")).toEqual(["Report test: Diwali", "manual", "2", "1", "10,000.50", "500.00", "20.00"])
    const bad = await expectStatus(api.get("/admin/reports/loyalty?group_by=year", owner))
    expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/group_by/)])
  })

  it("ranks designs and categories by what sold against what is in stock: fast movers, slow movers", async () => {
    const report = (await ok(api.get("/admin/reports/movers?days=730&limit=100", owner))).data
    const { rows: sold } = (await db().raw(
      `select v.product_id as key, sum(f.pieces)::int as sold, sum(f.revenue_paise)::bigint as revenue from sales_fact f join product_variant v on v.id = f.variant_id
        where f.deleted_at is null and f.occurred_at >= now() - interval '730 days' group by 1 having sum(f.pieces) > 0 order by 2 desc, 3 desc, 1 limit 5`
    )) as { rows: { key: string; sold: number; revenue: string }[] }
    expect(report.fast.slice(0, 5).map((m: { key: string; sold: number; revenue_paise: number }) => [m.key, m.sold, m.revenue_paise])).toEqual(sold.map((r) => [r.key, r.sold, Number(r.revenue)]))
    const top = report.fast[0]
    expect(top.label).not.toBe(top.key)
    expect(top.sell_through).toBeCloseTo(top.sold / (top.sold + top.in_stock), 4)

    // The slow list: in stock, fewest sold first; its first design's stock is what the stock tables hold.
    expect(report.slow.length).toBeGreaterThan(0)
    expect(report.slow.every((m: { in_stock: number }) => m.in_stock > 0)).toBe(true)
    const soldCounts = report.slow.map((m: { sold: number }) => m.sold)
    expect([...soldCounts].sort((a, b) => a - b)).toEqual(soldCounts)
    const { rows: stocked } = (await db().raw(
      `select coalesce(sum(il.stocked_quantity), 0)::int as n from inventory_level il
         join product_variant_inventory_item pvi on pvi.inventory_item_id = il.inventory_item_id and pvi.deleted_at is null
         join product_variant v on v.id = pvi.variant_id and v.deleted_at is null
         join product_product_variant_jewelry_jewelry_attributes vj on vj.product_variant_id = v.id and vj.deleted_at is null
         join branch_branch_stock_location_stock_location bsl on bsl.stock_location_id = il.location_id and bsl.deleted_at is null
        where il.deleted_at is null and il.stocked_quantity > 0 and v.product_id = ?`,
      [report.slow[0].key]
    )) as { rows: { n: number }[] }
    expect(report.slow[0].in_stock).toBe(stocked[0].n)

    const byCategory = (await ok(api.get("/admin/reports/movers?days=730&group_by=category", owner))).data
    expect(byCategory.fast.length).toBeGreaterThan(0)
    expect(byCategory.fast.every((m: { key: string; label: string }) => m.label !== m.key || m.key === "")).toBe(true)
    expect((await expectStatus(api.get(`/admin/reports/movers?branch_id=${branch.PUN}`, mumbaiManager))).status).toBe(403)
    const bad = await expectStatus(api.get("/admin/reports/movers?days=3", owner))
    expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/days/)])
    const csv = parse(String((await ok(api.get("/admin/reports/movers/export?days=730&list=slow", owner))).data), { bom: true }) as string[][]
    expect(csv[0]).toEqual(["Design", "Sold in 730 days", "Sales before GST (₹)", "In stock", "Sell-through", "Days of cover", "Last sold"])
    expect(csv[1][0]).toBe(report.slow[0].label)
  })

  it("counts the birthdays and anniversaries in the period and those turned into a sale within the window", async () => {
    const from = addDays(today(), -10)
    const occasions = async (days = 15) =>
      (await ok(api.get(`/admin/reports/customers?from=${from}&to=${today()}&occasion_days=${days}`, owner))).data.occasions.kinds as { kind: string; occasions: number; converted: number; revenue_paise: number }[]
    const of = (list: Awaited<ReturnType<typeof occasions>>, kind: string) => list.find((o) => o.kind === kind) ?? { occasions: 0, converted: 0, revenue_paise: 0 }
    const [before, narrowBefore] = [await occasions(), await occasions(1)]
    // Born five days ago, 36 years back; one married on the same day, one who has not bought.
    const fiveDaysAgo = addDays(today(), -5)
    const birthday = `1990-${fiveDaysAgo.slice(5)}`
    const create = async (n: number, extra: Record<string, string>) =>
      (await ok(api.post("/admin/crm/customers", { first_name: "Occasion", last_name: `Buyer ${n}`, phone: `98203771${10 + n}`, home_branch_id: branch.MUM, birthday, ...extra }, owner))).data.customer.id as string
    const buyer = await create(1, { anniversary: `2015-${fiveDaysAgo.slice(5)}` })
    await create(2, {})
    // The buyer's bill two days after the birthday (a fact as the sales facts would hold it), and one a month later that does not count.
    const analytics = getContainer().resolve<AnalyticsModuleService>(ANALYTICS_MODULE)
    const fact = (order: string, day: string, revenue: number) => ({
      order_id: order, item_id: `${order}_item`, source_id: `${order}_item`, kind: "sale" as const, occurred_at: new Date(`${day}T12:00:00+05:30`), customer_id: buyer,
      branch_id: branch.MUM, channel: "counter" as const, staff_user_id: null, variant_id: null, metal: "gold", purity: 916, category: null, pieces: 1,
      gross_weight_mg: 5000, net_weight_mg: 4800, revenue_paise: revenue, gst_paise: Math.round(revenue * 0.03), discount_paise: 0, making_paise: null, bill: 1 as const,
    })
    await analytics.replaceOrderFacts(["order_occasion_1"], [fact("order_occasion_1", addDays(fiveDaysAgo, 2), 1_50_000_00)])
    await analytics.replaceOrderFacts(["order_occasion_2"], [fact("order_occasion_2", addDays(fiveDaysAgo, -40), 99_00)])
    try {
      const after = await occasions()
      const delta = (kind: string) => {
        const [a, b] = [of(after, kind), of(before, kind)]
        return [a.occasions - b.occasions, a.converted - b.converted, a.revenue_paise - b.revenue_paise]
      }
      expect(delta("birthday")).toEqual([2, 1, 1_50_000_00])
      expect(delta("anniversary")).toEqual([1, 1, 1_50_000_00])
      // A window of a day: the bill two days after is outside it.
      const narrow = await occasions(1)
      expect([of(narrow, "birthday").occasions - of(narrowBefore, "birthday").occasions, of(narrow, "birthday").converted - of(narrowBefore, "birthday").converted]).toEqual([2, 0])
      const bad = await expectStatus(api.get("/admin/reports/customers?occasion_days=90", owner))
      expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/occasion_days/)])
    } finally {
      await analytics.restoreOrderFacts(["order_occasion_1", "order_occasion_2"], [])
    }
  })

  it("moves customers between RFM segments from the period's start to its end, every buyer counted once", async () => {
    const from = addDays(today(), -90)
    const report = (await ok(api.get(`/admin/reports/customers?from=${from}&to=${today()}`, owner))).data
    const buyersBefore = async (day: string) =>
      (
        (await db().raw(`select count(distinct customer_id)::int as n from sales_fact where deleted_at is null and kind = 'sale' and customer_id is not null and occurred_at < ?`, [
          new Date(`${day}T00:00:00+05:30`).toISOString(),
        ])) as { rows: { n: number }[] }
      ).rows[0].n
    const sum = (list: { start?: number; end?: number; customers?: number }[], key: "start" | "end" | "customers") => list.reduce((n, x) => n + (x[key] ?? 0), 0)
    expect(sum(report.rfm.sizes, "start")).toBe(await buyersBefore(from))
    expect(sum(report.rfm.sizes, "end")).toBe(await buyersBefore(addDays(today(), 1)))
    expect(report.rfm.sizes.map((s: { label: string }) => s.label)).toEqual(["Champions", "Loyal", "Potential loyalists", "New", "Need attention", "At risk", "Hibernating", "Lost"])
    // The first purchases of the period are the moves from no segment: the new customers the report counts.
    const firsts = report.rfm.moves.filter((m: { from: string }) => m.from === "none")
    expect(sum(firsts, "customers")).toBe(report.mix.new_customers)
    expect(firsts.every((m: { from_label: string }) => m.from_label === "First purchase in the period")).toBe(true)
    // A Mumbai manager's segments are of Mumbai's buyers.
    const mine = (await ok(api.get(`/admin/reports/customers?from=${from}&to=${today()}`, mumbaiManager))).data
    const { rows } = (await db().raw(`select count(distinct customer_id)::int as n from sales_fact where deleted_at is null and kind = 'sale' and customer_id is not null and branch_id = ?`, [
      branch.MUM,
    ])) as { rows: { n: number }[] }
    expect(sum(mine.rfm.sizes, "end")).toBe(rows[0].n)
  })

  it("reports the counter's old gold and schemes as sections, each as its own tables say, branch-scoped", async () => {
    const from = yearAgo()
    // A voucher at Mumbai and one at Pune, and a scheme card with an instalment at Mumbai, as the counter records them.
    const oldGold = getContainer().resolve<OldGoldModuleService>(OLD_GOLD_MODULE)
    for (const [n, code, id] of [[1, "MUM", branch.MUM], [2, "PUN", branch.PUN]] as const) {
      const [voucher] = await oldGold.createOldGoldVouchers([
        { idempotency_key: `report-og-${n}`, fingerprint: `report-og-${n}`, number: `OG/${code}/R${n}`, series: `OG/${code}`, sequence: 900 + n, financial_year: "2026-27",
          branch_id: id, branch_code: code, customer_id: "cus_report_og", kind: "purchase", total_value_paise: 50_000_00 * n, cash_paise: 50_000_00 * n, issued_at: new Date() },
      ])
      await oldGold.createOldGoldArticles([
        { voucher_id: voucher.id, metal: "gold", description: "Chain", purity_test: "xrf", gross_weight_mg: 8_000 * n, deduction_weight_mg: 0, tested_purity: 916, net_weight_mg: 8_000 * n,
          fine_weight_mg: 7_328 * n, melting_loss_bps: 0, melting_loss_mg: 0, payable_fine_mg: 7_328 * n, rate_purity: 999, rate_per_g_paise: 7_000_00, value_paise: 50_000_00 * n },
      ])
    }
    const schemes = getContainer().resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE)
    const [card] = await schemes.createSchemeEnrolments([
      { idempotency_key: "report-sch-1", fingerprint: "report-sch-1", number: "SCH/MUM/R1", series: "SCH/MUM", sequence: 901, template_id: "schtpl_report", template_code: "GOLD11",
        template_name: "Gold 11", terms: {}, customer_id: "cus_report_og", branch_id: branch.MUM, branch_code: "MUM", enrolled_on: today(), matures_on: addDays(today(), 330) },
    ])
    await schemes.createSchemeInstalments([
      { enrolment_id: card.id, idempotency_key: "report-sch-1-1", sequence: 1, due_on: today(), paid_on: today(), amount_paise: 5_000_00, tender: "cash", branch_id: branch.MUM },
    ])
    const report = (await ok(api.get(`/admin/reports/counter?from=${from}&to=${today()}`, owner))).data
    expect(report.sections.map((s: { id: string }) => s.id)).toEqual(["old_gold", "schemes", "stock_transfers", "approval_memos", "workshop", "karigars"])
    const figure = (id: string, label: string, r = report) =>
      r.sections.find((s: { id: string }) => s.id === id).figures.find((f: { label: string }) => f.label === label).value as number
    const since = new Date(`${from}T00:00:00+05:30`).toISOString()
    const one = async (sql: string, bindings: (string | number)[]) => Number(((await db().raw(sql, bindings)) as { rows: { n: string }[] }).rows[0].n)
    const vouchers = await one(`select count(*) as n from old_gold_voucher where deleted_at is null and issued_at >= ?`, [since])
    expect(vouchers).toBeGreaterThan(0)
    expect(figure("old_gold", "Vouchers")).toBe(vouchers)
    expect(figure("old_gold", "Value (₹)")).toBe(await one(`select coalesce(sum(total_value_paise), 0)::bigint as n from old_gold_voucher where deleted_at is null and issued_at >= ?`, [since]))
    expect(figure("old_gold", "Fine weight bought (g)")).toBe(
      await one(
        `select coalesce(sum(a.payable_fine_mg), 0)::bigint as n from old_gold_article a join old_gold_voucher v on v.id = a.voucher_id
          where a.deleted_at is null and v.deleted_at is null and v.issued_at >= ?`,
        [since]
      )
    )
    const instalments = await one(`select count(*) as n from scheme_instalment where deleted_at is null and paid_on >= ?`, [from])
    expect(instalments).toBeGreaterThan(0)
    expect(figure("schemes", "Instalments collected")).toBe(instalments)
    expect(figure("schemes", "Collected (₹)")).toBe(await one(`select coalesce(sum(amount_paise), 0)::bigint as n from scheme_instalment where deleted_at is null and paid_on >= ?`, [from]))

    // A Mumbai manager's sections hold Mumbai's vouchers only.
    const mine = (await ok(api.get(`/admin/reports/counter?from=${from}&to=${today()}`, mumbaiManager))).data
    expect(figure("old_gold", "Vouchers", mine)).toBe(await one(`select count(*) as n from old_gold_voucher where deleted_at is null and issued_at >= ? and branch_id = ?`, [since, branch.MUM]))
    const tableBranches = mine.sections.find((s: { id: string }) => s.id === "old_gold").table.rows.map((r: string[]) => r[0])
    expect(tableBranches.every((name: string) => name === "Mumbai – Zaveri Bazaar")).toBe(true)
    expect((await expectStatus(api.get(`/admin/reports/counter?branch_id=${branch.PUN}`, mumbaiManager))).status).toBe(403)

    // For the accounts: each voucher a balanced Purchase, old gold debited with its value; a manager's file Mumbai's only.
    const purchases = async (who: Headers) => {
      const csv = await expectStatus(api.get(`/admin/reports/tally?from=${from}&to=${today()}&vouchers=purchases&format=csv`, { ...who, responseType: "text" }))
      expect(csv.status).toBe(200)
      return (parse(String(csv.data), { bom: true }) as string[][]).slice(1)
    }
    const rows = await purchases(owner)
    const paiseOf = (cell: string) => (cell ? Math.round(Number(cell) * 100) : 0)
    expect(new Set(rows.map((r) => r[2])).size).toBe(vouchers)
    expect(rows.every((r) => r[1] === "Purchase")).toBe(true)
    expect(rows.reduce((n, r) => n + paiseOf(r[4]), 0)).toBe(rows.reduce((n, r) => n + paiseOf(r[5]), 0))
    expect(rows.filter((r) => r[3].startsWith("Old Gold Purchases - ")).reduce((n, r) => n + paiseOf(r[4]), 0)).toBe(figure("old_gold", "Value (₹)"))
    const mumbaiRows = await purchases(mumbaiManager)
    expect(mumbaiRows.length).toBeGreaterThan(0)
    expect(mumbaiRows.every((r) => r[3].endsWith(" - MUM"))).toBe(true)
    // The scheme instalment: a Receipt into Mumbai's cash and scheme deposits; the card redeemed for ₹500 more than it
    // was paid: the bonus journalled into the deposits.
    await schemes.updateSchemeEnrolments({ id: card.id, status: "redeemed", redeemed_paise: 5_500_00, redeemed_at: new Date() })
    const receipts = await expectStatus(api.get(`/admin/reports/tally?from=${from}&to=${today()}&vouchers=receipts&format=csv`, { ...owner, responseType: "text" }))
    const instalmentRows = (parse(String(receipts.data), { bom: true }) as string[][]).slice(1).filter((r) => r[2] === "SCH/MUM/R1/1")
    expect(instalmentRows.map((r) => [r[1], r[3], r[4], r[5]])).toEqual([
      ["Receipt", "Cash - MUM", "5000.00", ""],
      ["Receipt", "Savings Scheme Deposits - MUM", "", "5000.00"],
    ])
    expect(
      (parse(String(receipts.data), { bom: true }) as string[][])
        .filter((r) => r[2] === "SCH/MUM/R1/bonus")
        .map((r) => [r[1], r[3], r[4], r[5]])
    ).toEqual([
      ["Journal", "Scheme Bonus - MUM", "500.00", ""],
      ["Journal", "Savings Scheme Deposits - MUM", "", "500.00"],
    ])
  })

  it("reports stock transfers and approval memos as sections: pieces sent, received and short by branch, memos given, returned, bought and still out", async () => {
    const from = today()
    // Pieces Mumbai holds with nothing reserved: two to send to Pune (one arrives), two to give on approval (one returns).
    const { rows: free } = (await db().raw(
      `select ja.tag_code from jewelry_attributes ja
         join ${VARIANT_JEWELRY_LINK_TABLE} vj on vj.jewelry_attributes_id = ja.id and vj.deleted_at is null
         join product_variant_inventory_item pvi on pvi.variant_id = vj.product_variant_id and pvi.deleted_at is null
         join inventory_level il on il.inventory_item_id = pvi.inventory_item_id and il.deleted_at is null
         join ${BRANCH_LOCATION_LINK_TABLE} bsl on bsl.stock_location_id = il.location_id and bsl.deleted_at is null
        where ja.deleted_at is null and bsl.branch_id = ? and il.stocked_quantity >= 1 and il.reserved_quantity = 0
        order by ja.tag_code limit 4`,
      [branch.MUM]
    )) as { rows: { tag_code: string }[] }
    const [a, b, c, d] = free.map((r) => r.tag_code)
    const sent = await ok(api.post("/admin/stock-transfers", { from_branch_id: branch.MUM, to_branch_id: branch.PUN, pieces: [{ tag_code: a }, { tag_code: b }] }, owner))
    await ok(api.post(`/admin/stock-transfers/${sent.data.transfer.id}/scans`, { tag_code: a, branch_id: branch.PUN }, owner))
    await ok(api.post(`/admin/stock-transfers/${sent.data.transfer.id}/close`, { branch_id: branch.PUN }, owner))
    const { data: buyer } = await api.post("/admin/crm/customers", { first_name: "Leela", last_name: "Naik", email: "leela.memo@example.in", phone: "98200 55123" }, owner)
    const memo = await ok(api.post("/admin/approval-memos", { branch_id: branch.MUM, customer_id: buyer.customer.id, pieces: [{ tag_code: c }, { tag_code: d }] }, owner))
    await ok(api.post(`/admin/approval-memos/${memo.data.memo.id}/returns`, { tags: [c] }, owner))

    const report = (await ok(api.get(`/admin/reports/counter?from=${from}&to=${today()}`, owner))).data
    const figures = (id: string, r = report) => Object.fromEntries(r.sections.find((s: { id: string }) => s.id === id).figures.map((f: { label: string; value: number }) => [f.label, f.value]))
    expect(figures("stock_transfers")).toEqual({ "Transfers sent": 1, "Pieces sent": 2, "Value sent (₹)": expect.any(Number), "Pieces received": 1, "Pieces short": 1 })
    expect(figures("stock_transfers")["Value sent (₹)"]).toBe(sent.data.transfer.value_paise)
    expect(figures("approval_memos")).toEqual({ "Memos given": 1, "Pieces given": 2, "Bought from memos": 0, Returned: 1, "With customers now": 1, "Overdue now": 0 })
    // By branch: Mumbai sent, Pune received; Mumbai's manager sees Mumbai's row only.
    const rows = report.sections.find((s: { id: string }) => s.id === "stock_transfers").table.rows as (string | number)[][]
    expect(rows.map((r) => [r[0], r[2], r[4], r[5]]).sort()).toEqual([
      ["Mumbai – Zaveri Bazaar", 2, 0, 0],
      ["Pune – Laxmi Road", 0, 1, 1],
    ])
    const mine = (await ok(api.get(`/admin/reports/counter?from=${from}&to=${today()}`, mumbaiManager))).data
    expect(figures("stock_transfers", mine)).toMatchObject({ "Pieces sent": 2, "Pieces received": 0, "Pieces short": 0 })
    expect(figures("approval_memos", mine)).toMatchObject({ "Pieces given": 2, "With customers now": 1 })
  })
}
