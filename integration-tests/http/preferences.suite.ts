import type { ShopSuite } from "../support/runner"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { CRM_MODULE } from "../../src/modules/crm"
import type CrmModuleService from "../../src/modules/crm/service"
import { eventsSettled } from "../support/wait"
import { VARIANT_JEWELRY_LINK_TABLE } from "../../src/lib/link-tables"
import { evaluateItems } from "../../src/lib/preferences/evaluate"
import { ensureDemoCustomers } from "../../src/scripts/demo-shop/seed-customers"
import { ensureDemoCancellations } from "../../src/scripts/demo-shop/seed-after-sale"
import { readShopInteractions, readShopItems } from "../../src/workflows/preferences/utils/shop-interactions"

/**
 * The preference model's data from the demo shop (docs/preferences.md): every piece an item of its design, every
 * paid bill's line a purchase (a cancelled bill's not), a wishlist entry and a piece named in an enquiry each a
 * sign of interest; and the evaluation runs on it with both baselines and the model.
 */
export const preferencesSuite: ShopSuite = ({ getContainer }) => {
  const knex = () => getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)

  // The test template has the demo shop without its year of customers: 200 of them, seeded as the demo seed does.
  // Some of their bills cancelled as the demo seed cancels them.
  beforeAll(async () => {
    await ensureDemoCustomers(getContainer(), () => undefined, new Date(), 200)
    await ensureDemoCancellations(getContainer(), () => undefined)
    // The customers' events (their aggregates) are handled before the runner snapshots the database.
    await eventsSettled(getContainer())
  })

  it("reads the shop's pieces as items of their designs and its bills, wishlists and enquiries as interest", async () => {
    const items = await readShopItems(getContainer())
    const { rows: linked } = await knex().raw(`select count(*)::int as n from ${VARIANT_JEWELRY_LINK_TABLE} where deleted_at is null`)
    expect(items).toHaveLength(linked[0].n)
    const ring = items.find((i) => i.category === "rings" && i.metal === "gold")!
    expect(ring).toMatchObject({ purity: expect.any(Number), design_code: expect.stringMatching(/./) })
    expect(Number.isInteger(ring.price_paise)).toBe(true)

    const before = await readShopInteractions(getContainer())
    const purchases = before.filter((i) => i.kind === "purchase")
    expect(purchases.length).toBeGreaterThan(100)
    const { rows: cancelled } = await knex().raw(
      `select o.customer_id, li.variant_id from "order" o
         join order_item oi on oi.order_id = o.id and oi.version = o.version
         join order_line_item li on li.id = oi.item_id
        where o.status = 'canceled' and o.customer_id is not null limit 1`
    )
    expect(cancelled).toHaveLength(1)
    const customer = cancelled[0].customer_id as string
    const fromCancelled = purchases.filter((i) => i.customer_id === customer && i.item_id === cancelled[0].variant_id)
    const { rows: paidAlike } = await knex().raw(
      `select count(*)::int as n from "order" o join order_item oi on oi.order_id = o.id and oi.version = o.version
         join order_line_item li on li.id = oi.item_id
        where o.status <> 'canceled' and o.customer_id = ? and li.variant_id = ?`,
      [customer, cancelled[0].variant_id]
    )
    // Only the customer's other, uncancelled bills for the same piece (usually none) count.
    expect(fromCancelled.length).toBeLessThanOrEqual(paidAlike[0].n)

    const crm = getContainer().resolve<CrmModuleService>(CRM_MODULE)
    const [a, b] = items.slice(0, 2)
    await crm.createWishlistItems({ customer_id: customer, variant_id: a.item_id })
    await crm.createInteractions({
      customer_id: customer,
      channel: "whatsapp",
      kind: "enquiry",
      summary: "Asked for the price of two pieces",
      products_of_interest: [a.item_id, b.item_id],
      occurred_at: new Date(),
    })
    const after = await readShopInteractions(getContainer())
    const mine = (kind: string) => after.filter((i) => i.customer_id === customer && i.kind === kind).map((i) => i.item_id).sort()
    expect(mine("wishlist")).toEqual([a.item_id])
    expect(mine("enquiry")).toEqual(expect.arrayContaining([a.item_id, b.item_id]))
    expect(after.length - before.length).toBe(3)
  })

  it("evaluates the baselines and the model on the last half of the demo customers' year", async () => {
    const [items, interactions] = await Promise.all([readShopItems(getContainer()), readShopInteractions(getContainer())])
    const known = new Set(items.map((i) => i.item_id))
    const evaluation = evaluateItems(items, interactions.filter((i) => known.has(i.item_id)), { weeks: 26, k: 3 })
    expect(evaluation.test_customers).toBeGreaterThan(5)
    expect(evaluation.rows.map((r) => r.model)).toEqual(["popularity", "attribute affinity", "preference model"])
    for (const row of evaluation.rows) {
      expect(row.customers).toBe(evaluation.test_customers)
      expect(row.hr_at_k).toBeGreaterThanOrEqual(0)
      expect(row.hr_at_k).toBeLessThanOrEqual(1)
      expect(row.ndcg_at_k).toBeLessThanOrEqual(row.hr_at_k)
    }
    // The test template's catalogue holds eight designs, so the top three: the popular list is one list, three designs;
    // the personal ones reach more of the catalogue.
    expect(evaluation.designs).toBeGreaterThan(3)
    expect(evaluation.rows[0].coverage * evaluation.designs).toBe(3)
    expect(evaluation.rows[1].coverage).toBeGreaterThan(evaluation.rows[0].coverage)
    expect(evaluation.rows[2].coverage).toBeGreaterThan(evaluation.rows[0].coverage)
  })
}
