import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ShopSuite } from "../support/runner"
import { waitFor } from "../support/wait"
import { JEWELRY_MODULE } from "../../src/modules/jewelry"
import type JewelryModuleService from "../../src/modules/jewelry/service"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { createJewelryAttributesWorkflow } from "../../src/workflows/jewelry"
import { repriceBatchWorkflow } from "../../src/workflows/jewelry"
import { createRepriceJob, findStalledRepriceJobs, runRepriceJob } from "../../src/workflows/jewelry"
import { demoShop, expectStatus, type Headers } from "./helpers"

export const jewelryPricingSuite: ShopSuite = ({ api, getContainer }) => {
  let auth: Headers
  let store: Headers
  let ringId: string

  beforeAll(async () => {
    const container = getContainer()
    ;({ auth, store } = await demoShop(container, api))
    const [variant] = await container.resolve(Modules.PRODUCT).listProductVariants({ sku: "RNG-LAK-22K-12" })
    ringId = variant.id
  })

  /** Waits for a job of that trigger, created after `since`, to finish. */
  async function waitForJob(trigger: string, since: Date) {
    const jewelry = getContainer().resolve<JewelryModuleService>(JEWELRY_MODULE)
    return waitFor(`a ${trigger} reprice job to finish`, async () => {
      const [job] = await jewelry.listRepriceJobs({ trigger: trigger as "manual", created_at: { $gte: since } })
      return job && (job.status === "succeeded" || job.status === "failed") ? job : undefined
    })
  }

  async function ringPrice(): Promise<number> {
    const { data } = await api.get(`/store/products?handle=lakshmi-22k-gold-ring&fields=*variants.calculated_price&region_id=${await regionId()}`, store)
    const variant = data.products[0].variants.find((v: { id: string }) => v.id === ringId)
    return variant.calculated_price.calculated_amount
  }

  async function regionId() {
    const [region] = await getContainer().resolve(Modules.REGION).listRegions({ name: "India" })
    return region.id
  }

  it("shows how a piece's price is made up", async () => {
    const { data } = await api.get(`/store/jewelry/variants/${ringId}/price-breakdown`, store)
    expect(data.breakdown).toEqual(
      expect.objectContaining({
        metal: "gold",
        purity: 916,
        karat: "22K",
        net_weight_g: 4.1,
        rate_per_g: 7245.5,
        metal_value: 29706.55,
        making_charge: 1845,
        other_charges: 45,
        taxable_value: 31596.55,
        gst: expect.objectContaining({ hsn: "7113", rate_percent: 3, supply: "intra_state", cgst: 473.95, sgst: 473.95, igst: 0 }),
        total: 32544.45,
        invoice_total: 32544,
        round_off: -0.45,
      })
    )
    expect(data.huid).toMatch(/^[A-Z0-9]{6}$/)
    expect(data.tag_code).toBe("SGJ-RNG-LAK-22K-12")
  })

  it("gives storefronts the attributes and breakdown with the products", async () => {
    const { data } = await api.get("/store/products?handle=lakshmi-22k-gold-ring&fields=title,*variants.jewelry_attributes", store)
    const ring = data.products[0].variants.find((v: { id: string }) => v.id === ringId)
    expect(ring.jewelry_attributes).toEqual(
      expect.objectContaining({ metal: "gold", purity: 916, net_weight_mg: 4100, making_type: "per_gram", making_value: 45000 })
    )
    expect(ring.jewelry_attributes.breakdown.taxable_value).toBe(3159655)
  })

  it("splits GST as IGST for a place of supply in another state", async () => {
    const { data } = await api.get(`/store/jewelry/variants/${ringId}/price-breakdown?state_code=29`, store)
    expect(data.breakdown.gst).toEqual(expect.objectContaining({ supply: "inter_state", cgst: 0, sgst: 0, igst: 947.9 }))
    expect(data.breakdown.taxable_value).toBe(31596.55)
  })

  it("answers 404 for a variant that is not a priced piece, 400 for a bad state code", async () => {
    const missing = await expectStatus(api.get("/store/jewelry/variants/variant_missing/price-breakdown", store))
    expect(missing.status).toBe(404)
    expect(missing.data.message).toMatch(/variant_missing/)
    const bad = await expectStatus(api.get(`/store/jewelry/variants/${ringId}/price-breakdown?state_code=MH`, store))
    expect(bad.status).toBe(400)
    expect(bad.data.message).toMatch(/two-digit GST state code/)
  })

  it("reprices the catalogue when a new rate is published", async () => {
    expect(await ringPrice()).toBe(31596.55)
    const since = new Date()
    await api.post("/admin/metal-rates", { rates: [{ metal: "gold", purity: 916, rate_per_g: "7300.00" }] }, auth)
    await waitForJob("rates_set", since)
    // 4.100 g × ₹7,300.00 = ₹29,930.00 + ₹1,845.00 making + ₹45 = ₹31,820.00
    expect(await ringPrice()).toBe(31820)
    const { data } = await api.get(`/store/jewelry/variants/${ringId}/price-breakdown`, store)
    expect(data.breakdown.rate_per_g).toBe(7300)

    const jobs = await api.get("/admin/jewelry/reprice-jobs?limit=1", auth)
    const job = jobs.data.reprice_jobs[0]
    expect(job).toEqual(expect.objectContaining({ trigger: "rates_set", status: "succeeded", total: 73, processed: 73, failed: 0 }))
    const one = await api.get(`/admin/jewelry/reprice-jobs/${job.id}`, auth)
    expect(one.data.reprice_job.id).toBe(job.id)
  })

  it("keeps a piece's other prices (another currency) when repricing", async () => {
    const container = getContainer()
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product_variant", fields: ["price_set.id", "price_set.prices.*"], filters: { id: ringId } })
    const set = (data[0] as unknown as { price_set: { id: string; prices: { id: string; currency_code: string; amount: number }[] } }).price_set
    const pricing = container.resolve(Modules.PRICING)
    await pricing.upsertPriceSets([
      { id: set.id, prices: [...set.prices.map((p) => ({ id: p.id, currency_code: p.currency_code, amount: p.amount })), { currency_code: "usd", amount: 399 }] },
    ])
    const inrBefore = set.prices.find((p) => p.currency_code === "inr")!
    const job = await createRepriceJob(container, "manual")
    await runRepriceJob(container, job.id)
    const after = await pricing.listPrices({ price_set_id: [set.id] })
    expect(after.map((p) => [p.currency_code, Number(p.amount)]).sort()).toEqual([["inr", 31596.55], ["usd", 399]])
    // Updated in place: the INR price keeps its id.
    expect(after.find((p) => p.currency_code === "inr")!.id).toBe(inrBefore.id)
  })

  it("resumes a job from its cursor and never prices a piece twice differently", async () => {
    const container = getContainer()
    const jewelry = container.resolve<JewelryModuleService>(JEWELRY_MODULE)
    const all = await jewelry.listJewelryAttributes({ pricing_mode: "rate_based" }, { order: { id: "ASC" }, select: ["id"] })
    // A job that died after its first five pieces.
    const job = await jewelry.createRepriceJobs({ trigger: "manual", status: "running", total: all.length, processed: 5, cursor: all[4].id, heartbeat_at: new Date(0) })
    expect((await findStalledRepriceJobs(container)).map((j) => j.id)).toContain(job.id)
    const done = await runRepriceJob(container, job.id, 3)
    expect(done).toEqual(expect.objectContaining({ status: "succeeded", processed: all.length, failed: 0 }))
  })

  it("puts the old prices back when a batch fails after writing them (compensation)", async () => {
    const container = getContainer()
    const pricing = container.resolve(Modules.PRICING)
    const inrBefore = (await pricing.listPrices({ currency_code: "inr" }, { select: ["id", "amount"], take: null }))
      .map((p) => [p.id, Number(p.amount)])
      .sort()
    // Rates move (recorded without the event, so no job runs meanwhile), so the batch has new prices to write...
    await container
      .resolve<JewelryModuleService>(JEWELRY_MODULE)
      .createMetalRates({ metal: "gold", purity: 916, rate_per_g_paise: 740000, effective_from: new Date(), source: "test" })
    // ...and the progress step fails: its job record does not exist.
    await expect(
      repriceBatchWorkflow(container).run({ input: { job_id: "rpjob_gone", after: null, limit: 1000, state_code: "27" } })
    ).rejects.toMatchObject({ message: expect.stringMatching(/RepriceJob with id: rpjob_gone was not found/) })
    const inrAfter = (await pricing.listPrices({ currency_code: "inr" }, { select: ["id", "amount"], take: null }))
      .map((p) => [p.id, Number(p.amount)])
      .sort()
    expect(inrAfter).toEqual(inrBefore)
    // The same batch with a real job then writes the new prices.
    const job = await createRepriceJob(container, "manual")
    await runRepriceJob(container, job.id)
    // 4.100 g × ₹7,400.00 = ₹30,340.00 + 4.100 g × ₹450 making + ₹45 = ₹32,230.00
    expect(await ringPrice()).toBe(32230)
  })

  it("gives a piece whose price set has no INR price one", async () => {
    const container = getContainer()
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product_variant", fields: ["price_set.id", "price_set.prices.*"], filters: { id: ringId } })
    const set = (data[0] as unknown as { price_set: { id: string; prices: { id: string; currency_code: string }[] } }).price_set
    const pricing = container.resolve(Modules.PRICING)
    const expected = await ringPrice()
    await pricing.softDeletePrices(set.prices.filter((p) => p.currency_code === "inr").map((p) => p.id))
    const job = await createRepriceJob(container, "manual")
    expect(await runRepriceJob(container, job.id)).toEqual(expect.objectContaining({ status: "succeeded", failed: 0 }))
    const inr = await pricing.listPrices({ price_set_id: [set.id], currency_code: "inr" })
    expect(inr.map((p) => Number(p.amount))).toEqual([expected])
  })

  it("POST /admin/jewelry/reprice-jobs starts a job and answers 202", async () => {
    const since = new Date()
    const res = await api.post("/admin/jewelry/reprice-jobs", {}, auth)
    expect(res.status).toBe(202)
    await waitForJob("manual", since)
    const one = await api.get(`/admin/jewelry/reprice-jobs/${res.data.reprice_job.id}`, auth)
    expect(one.data.reprice_job.status).toBe("succeeded")
    const missing = await expectStatus(api.get("/admin/jewelry/reprice-jobs/rpjob_missing", auth))
    expect(missing.status).toBe(404)
  })

  it("refuses a duplicate HUID (conflict: 409 over HTTP) and bad weights (invalid_data: 400), writing nothing", async () => {
    const container = getContainer()
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product_variant", fields: ["id", "jewelry_attributes.huid"], filters: { id: ringId } })
    const takenHuid = (data[0] as unknown as { jewelry_attributes: { huid: string } }).jewelry_attributes.huid
    expect(takenHuid).toMatch(/^[A-Z0-9]{6}$/)
    const { result: [product] } = await createProductsWorkflow(container).run({
      input: { products: [{ title: "Test ring", options: [{ title: "Size", values: ["10"] }], variants: [{ title: "10", options: { Size: "10" }, prices: [{ currency_code: "inr", amount: 1000 }] }] }] },
    })
    const variantId = product.variants[0].id
    const piece = {
      variant_id: variantId, metal: "gold" as const, purity: 916, gross_weight_mg: 3000, net_weight_mg: 3000,
      making_type: "per_gram" as const, making_value: 40000, tag_code: "SGJ-TEST-1",
    }
    // Workflow errors arrive as plain objects with type and message.
    const duplicate = createJewelryAttributesWorkflow(container).run({ input: { items: [{ ...piece, huid: takenHuid }] } })
    await expect(duplicate).rejects.toMatchObject({ type: "conflict", message: `Already used by another piece: HUID ${takenHuid}` })
    const heavy = createJewelryAttributesWorkflow(container).run({ input: { items: [{ ...piece, net_weight_mg: 3500 }] } })
    await expect(heavy).rejects.toMatchObject({
      type: "invalid_data",
      message: expect.stringMatching(/net weight \(3.5 g\) cannot exceed the gross weight \(3 g\)/),
    })
    const jewelry = container.resolve<JewelryModuleService>(JEWELRY_MODULE)
    expect(await jewelry.listJewelryAttributes({ tag_code: "SGJ-TEST-1" })).toHaveLength(0)
  })

  describe("POST /admin/jewelry/variants/:id/attributes", () => {
    async function newVariant(title: string) {
      const { result } = await createProductsWorkflow(getContainer()).run({
        input: {
          products: [
            { title, status: "published", options: [{ title: "Size", values: ["10"] }], variants: [{ title: "10", options: { Size: "10" }, prices: [{ currency_code: "inr", amount: 1 }] }] },
          ],
        },
      })
      return result[0].variants[0].id
    }

    const body = {
      metal: "gold",
      purity: 916,
      gross_weight_g: "3.000",
      net_weight_g: "3",
      making: { type: "per_gram", rupees: "400" },
      other_charges: "45",
      huid: "zx12cv",
      tag_code: "SGJ-NEW-0001",
    }

    it("makes no piece of a variant holding several articles; the same stock may be goods sold by count", async () => {
      const { data: made } = await api.post(
        "/admin/products",
        { title: "Plain silver glass", options: [{ title: "Set", values: ["Single"] }], variants: [{ title: "Single", sku: "SLV-GLS-1", manage_inventory: true, options: { Set: "Single" }, prices: [{ currency_code: "inr", amount: 1 }] }] },
        auth
      )
      const variantId = made.product.variants[0].id as string
      const { data: found } = await api.get(`/admin/product-variants?id=${variantId}&fields=id,inventory_items.inventory_item_id`, auth)
      const itemId = found.variants[0].inventory_items[0].inventory_item_id as string
      const { data: branches } = await api.get("/admin/branches?fields=code,stock_location.id", auth)
      const mumbai = branches.branches.find((b: { code: string }) => b.code === "MUM").stock_location.id
      expect((await expectStatus(api.post(`/admin/inventory-items/${itemId}/location-levels`, { location_id: mumbai, stocked_quantity: 5 }, auth))).status).toBe(200)
      const glass = { metal: "silver", purity: 925, gross_weight_g: "40", net_weight_g: "40", making: { type: "flat", rupees: "300" }, hsn: "7114", tag_code: "SGJ-SLV-GLS-1" }
      const piece = await expectStatus(api.post(`/admin/jewelry/variants/${variantId}/attributes`, glass, auth))
      expect([piece.status, piece.data.message]).toEqual([
        409,
        `Variant ${variantId} holds 5 articles in stock, and a piece is one article: give each its own variant and tag, or mark goods sold by count with stock_unit "count"`,
      ])
      const counted = await expectStatus(api.post(`/admin/jewelry/variants/${variantId}/attributes`, { ...glass, stock_unit: "count" }, auth))
      expect([counted.status, counted.data.jewelry_attributes?.stock_unit]).toEqual([201, "count"])
    })

    it("records a piece in grams and rupees and prices it at once", async () => {
      const variantId = await newVariant("New ring")
      const res = await api.post(`/admin/jewelry/variants/${variantId}/attributes`, body, auth)
      expect(res.status).toBe(201)
      expect(res.data.jewelry_attributes).toEqual(
        expect.objectContaining({ huid: "ZX12CV", net_weight_mg: 3000, making_value: 40000, other_charges_paise: 4500 })
      )
      // 3.000 g × ₹7,245.50 = ₹21,736.50 + ₹1,200.00 making + ₹45 = ₹22,981.50
      expect(res.data.jewelry_attributes.breakdown.taxable_value).toBe(2298150)
      const { data } = await api.get(`/store/jewelry/variants/${variantId}/price-breakdown`, store)
      expect(data.breakdown.taxable_value).toBe(22981.5)

      const again = await expectStatus(api.post(`/admin/jewelry/variants/${variantId}/attributes`, { ...body, tag_code: "SGJ-NEW-0002", huid: null }, auth))
      expect(again.status).toBe(409)
      expect(again.data.message).toMatch(/already has jewelry attributes/)
    })

    it.each([
      [{ net_weight_g: "3.5" }, 400, /net weight \(3.5 g\) cannot exceed the gross weight \(3 g\)/],
      [{ net_weight_g: "2.9991" }, 400, /more than 3 decimals/],
      [{ huid: "AB12" }, 400, /HUID must be exactly 6 characters/],
      [{ purity: 800 }, 400, /gold is not sold in purity 800/],
      [{ making: { type: "per_gram", rupees: "-1" } }, 400, /Invalid amount in rupees/],
      [{ stones: [{ type: "diamond", count: 1, carats: "0.100", price_per_carat: "50000" }] }, 400, /stone weight \(0 g\) does not match the stones \(0.02 g/],
      [{ stones: [{ type: "diamond", count: 1, carats: "0.1" }] }, 400, /either price_per_carat or fixed_price/],
      [{ tag_code: "SGJ-RNG-LAK-22K-12" }, 409, /Already used by another piece: tag SGJ-RNG-LAK-22K-12/],
      [{ colour: "gold" }, 400, /colour/],
    ])("refuses %j (%i) and writes nothing", async (patch, status, message) => {
      const variantId = await newVariant("Refused ring")
      const res = await expectStatus(api.post(`/admin/jewelry/variants/${variantId}/attributes`, { ...body, ...patch }, auth))
      expect(res.status).toBe(status)
      expect(res.data.message).toMatch(message)
      const jewelry = getContainer().resolve<JewelryModuleService>(JEWELRY_MODULE)
      expect(await jewelry.listJewelryAttributes({ tag_code: "SGJ-NEW-0001" })).toHaveLength(0)
    })

    it("answers 404 for an unknown variant", async () => {
      const res = await expectStatus(api.post("/admin/jewelry/variants/variant_missing/attributes", body, auth))
      expect(res.status).toBe(404)
    })
  })

  describe("GET /admin/jewelry/tags/:code", () => {
    it("finds the piece, its stock in every branch and its price", async () => {
      const { data } = await api.get("/admin/jewelry/tags/sgj-rng-lak-22k-12", auth)
      expect(data.variant.sku).toBe("RNG-LAK-22K-12")
      expect(data.product.handle).toBe("lakshmi-22k-gold-ring")
      expect(Object.fromEntries(data.stock.map((s: { branch_code: string; stocked: number }) => [s.branch_code, s.stocked]))).toEqual({ MUM: 1, PUN: 0, BLR: 0 })
      expect(data.breakdown.taxable_value).toBe(31596.55)
    })

    it("answers 404 with the code for an unknown tag", async () => {
      const res = await expectStatus(api.get("/admin/jewelry/tags/NOPE-1", auth))
      expect(res.status).toBe(404)
      expect(res.data.message).toBe('No piece with tag code "NOPE-1"')
    })
  })

  describe("POST /admin/jewelry/products", () => {
    const variant = (option_value: string, net: string, tag: string) => ({
      option_value,
      metal: "gold",
      purity: 916,
      gross_weight_g: net,
      net_weight_g: net,
      making: { type: "per_gram", rupees: "400" },
      tag_code: tag,
    })

    it("creates the product, its variants and their attributes, priced from today's rate", async () => {
      const res = await api.post(
        "/admin/jewelry/products",
        { title: "Nazar 22K Bracelet", handle: "nazar-22k-bracelet", variants: [variant("S", "6.000", "SGJ-NZR-S"), variant("M", "7.250", "SGJ-NZR-M")] },
        auth
      )
      expect(res.status).toBe(201)
      expect(res.data.jewelry_attributes).toHaveLength(2)
      const { data } = await api.get(
        `/store/products?handle=nazar-22k-bracelet&fields=*variants.calculated_price,*variants.jewelry_attributes&region_id=${await regionId()}`,
        store
      )
      const prices = Object.fromEntries(
        data.products[0].variants.map((v: { jewelry_attributes: { tag_code: string }; calculated_price: { calculated_amount: number } }) => [
          v.jewelry_attributes.tag_code,
          v.calculated_price.calculated_amount,
        ])
      )
      // 6.000 g × 7,245.50 + 6 × 400 = 45,873.00; 7.250 g × 7,245.50 = 52,529.875 → 52,529.88, + 2,900 = 55,429.88
      expect(prices).toEqual({ "SGJ-NZR-S": 45873, "SGJ-NZR-M": 55429.88 })
    })

    it("makes nothing when one piece is refused", async () => {
      const res = await expectStatus(
        api.post(
          "/admin/jewelry/products",
          { title: "Half made", handle: "half-made", variants: [variant("S", "6.000", "SGJ-HALF-S"), variant("M", "7.000", "SGJ-RNG-LAK-22K-12")] },
          auth
        )
      )
      expect(res.status).toBe(409)
      expect(res.data.message).toMatch(/tag SGJ-RNG-LAK-22K-12/)
      const products = await getContainer().resolve(Modules.PRODUCT).listProducts({ handle: "half-made" })
      expect(products).toHaveLength(0)
    })

    it("removes the product again when a later step fails (compensation)", async () => {
      // Fault injection: storing the attributes fails after the product exists.
      const jewelry = getContainer().resolve<JewelryModuleService>(JEWELRY_MODULE)
      const failure = jest.spyOn(jewelry, "createJewelryAttributes").mockRejectedValueOnce(new Error("storage failed"))
      try {
        const res = await expectStatus(
          api.post("/admin/jewelry/products", { title: "Rolled back", handle: "rolled-back", variants: [variant("S", "5.000", "SGJ-RB-S")] }, auth)
        )
        expect(res.status).toBeGreaterThanOrEqual(400)
        expect(failure).toHaveBeenCalled()
      } finally {
        failure.mockRestore()
      }
      const products = await getContainer().resolve(Modules.PRODUCT).listProducts({ handle: "rolled-back" })
      expect(products).toHaveLength(0)
    })

    it.each([
      [{ variants: [] }, /variants/],
      [{ variants: [variant("S", "6", "SGJ-A-1"), variant("S", "7", "SGJ-A-2")] }, /own option_value/],
      [{ handle: "Not A Handle" }, /lowercase letters/],
    ])("refuses %j with 400", async (patch, message) => {
      const res = await expectStatus(api.post("/admin/jewelry/products", { title: "Bad", variants: [variant("S", "6", "SGJ-BAD-1")], ...patch }, auth))
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(message)
    })
  })
}
