/**
 * The catalogue's reads through Medusa's Caching Module (in-memory here):
 * products with their prices and jewellery attributes, price breakdowns and
 * the day's metal rates are served from the cache, and a repricing or new
 * rates show through the Store API as soon as the reprice job has finished.
 */
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ShopSuite } from "../support/runner"
import { eventsSettled, waitFor } from "../support/wait"
import { JEWELRY_MODULE } from "../../src/modules/jewelry"
import type JewelryModuleService from "../../src/modules/jewelry/service"
import { demoShop, type Headers } from "./helpers"

type Rate = { metal: string; purity: number; branch_id: string | null; rate_per_g: number }

export const catalogueCacheSuite: ShopSuite = ({ api, getContainer }) => {
  let auth: Headers
  let store: Headers
  let ringId: string
  let regionId: string

  beforeAll(async () => {
    const container = getContainer()
    ;({ auth, store } = await demoShop(container, api))
    const [variant] = await container.resolve(Modules.PRODUCT).listProductVariants({ sku: "RNG-LAK-22K-12" })
    ringId = variant.id
    const [region] = await container.resolve(Modules.REGION).listRegions({ name: "India" })
    regionId = region.id
  })

  const knex = () => getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)

  /** The ring as a storefront lists it: its price and the taxable value of its stored breakdown. */
  async function ring(): Promise<{ price: number; taxable: number }> {
    const { data } = await api.get(
      `/store/products?handle=lakshmi-22k-gold-ring&fields=*variants.calculated_price,*variants.jewelry_attributes&region_id=${regionId}`,
      store
    )
    const variant = data.products[0].variants.find((v: { id: string }) => v.id === ringId)
    return { price: variant.calculated_price.calculated_amount, taxable: variant.jewelry_attributes.breakdown.taxable_value }
  }

  async function breakdown(stateCode?: string): Promise<{ rate_per_g: number; taxable_value: number }> {
    const { data } = await api.get(`/store/jewelry/variants/${ringId}/price-breakdown${stateCode ? `?state_code=${stateCode}` : ""}`, store)
    return data.breakdown
  }

  async function gold916(): Promise<number> {
    const { data } = await api.get("/store/metal-rates", store)
    return (data.rates as Rate[]).find((r) => r.metal === "gold" && r.purity === 916 && r.branch_id === null)!.rate_per_g
  }

  async function finishedJob(since: Date) {
    const jewelry = getContainer().resolve<JewelryModuleService>(JEWELRY_MODULE)
    return waitFor("the reprice job to finish", async () => {
      const [job] = await jewelry.listRepriceJobs({ trigger: "rates_set", created_at: { $gte: since } })
      return job && (job.status === "succeeded" || job.status === "failed") ? job : undefined
    })
  }

  it("serves products, breakdowns and rates from the cache (a write Medusa does not see stays unseen)", async () => {
    expect(await ring()).toEqual({ price: 31596.55, taxable: 3159655 })
    expect((await breakdown()).taxable_value).toBe(31596.55)
    expect(await gold916()).toBe(7245.5)

    // Behind the cache's back: no event, so nothing is cleared.
    await knex().raw(
      `update price set amount = 1, raw_amount = '{"value":"1","precision":20}'
        where price_set_id = (select price_set_id from product_variant_price_set where variant_id = ?) and currency_code = 'inr'`,
      [ringId]
    )
    await knex().raw(
      `update jewelry_attributes set breakdown = jsonb_set(breakdown, '{taxable_value}', '1')
        where id = (select jewelry_attributes_id from product_product_variant_jewelry_jewelry_attributes where product_variant_id = ?)`,
      [ringId]
    )
    await knex().raw(`update metal_rate set rate_per_g_paise = 100 where metal = 'gold' and purity = 916 and branch_id is null`)

    expect(await ring()).toEqual({ price: 31596.55, taxable: 3159655 })
    expect((await breakdown()).taxable_value).toBe(31596.55)
    expect(await gold916()).toBe(7245.5)
  })

  it("shows the new prices as soon as the reprice after a rate change has finished", async () => {
    // Cached before the change.
    expect(await ring()).toEqual({ price: 31596.55, taxable: 3159655 })
    expect(await breakdown()).toEqual(expect.objectContaining({ rate_per_g: 7245.5, taxable_value: 31596.55 }))
    expect((await breakdown("29")).taxable_value).toBe(31596.55)
    expect(await gold916()).toBe(7245.5)

    const since = new Date()
    await api.post("/admin/metal-rates", { rates: [{ metal: "gold", purity: 916, rate_per_g: "7300.00" }] }, auth)
    const job = await finishedJob(since)
    expect(job.status).toBe("succeeded")

    // Read at once, no waiting: 4.100 g × ₹7,300.00 + ₹1,845.00 making + ₹45 = ₹31,820.00.
    expect(await ring()).toEqual({ price: 31820, taxable: 3182000 })
    expect(await breakdown()).toEqual(expect.objectContaining({ rate_per_g: 7300, taxable_value: 31820 }))
    expect((await breakdown("29")).taxable_value).toBe(31820)
    expect(await gold916()).toBe(7300)
  })

  it("shows a rate published for later from its effective time, with nothing else happening then", async () => {
    expect(await gold916()).toBe(7245.5)
    const since = new Date()
    const effective = new Date(Date.now() + 3000)
    await api.post("/admin/metal-rates", { rates: [{ metal: "gold", purity: 916, rate_per_g: "7250.00" }], effective_from: effective.toISOString() }, auth)
    expect((await finishedJob(since)).status).toBe("succeeded")
    if (Date.now() < effective.getTime() - 500) {
      expect(await gold916()).toBe(7245.5)
    }
    const seen = await waitFor("the rate to take effect", async () => ((await gold916()) === 7250 ? Date.now() : undefined), { timeout: 15_000 })
    expect(seen).toBeGreaterThanOrEqual(effective.getTime())
  })

  it("keeps the cache through a reprice job's batches and drops it once, when the job ends", async () => {
    const cached = await ring()
    await knex().raw(
      `update price set amount = 2, raw_amount = '{"value":"2","precision":20}'
        where price_set_id = (select price_set_id from product_variant_price_set where variant_id = ?) and currency_code = 'inr'`,
      [ringId]
    )
    const jewelry = getContainer().resolve<JewelryModuleService>(JEWELRY_MODULE)
    const job = await jewelry.createRepriceJobs({ trigger: "manual", status: "running", started_at: new Date(), heartbeat_at: new Date() })
    // A batch committed: the job's record changes, the cache stays.
    await jewelry.updateRepriceJobs({ id: job.id, processed: 1, heartbeat_at: new Date() })
    await eventsSettled(getContainer())
    expect(await ring()).toEqual(cached)
    // The job ends: the cache is dropped and the price written behind its back shows.
    await jewelry.updateRepriceJobs({ id: job.id, status: "succeeded", finished_at: new Date() })
    await eventsSettled(getContainer())
    expect((await ring()).price).toBe(2)
  })
}
