import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ShopSuite } from "../support/runner"
import { BRANCH_MODULE } from "../../src/modules/branch"
import { DEMO_BRANCHES, DEMO_PRODUCTS, demoVariants, SHOWCASE_ARTICLES } from "../../src/scripts/demo-shop/data"
import { DEMO_SEED_MARKER, seedDemoShop } from "../../src/scripts/demo-shop/seed-demo-shop"
import { ADMIN, adminHeaders, expectStatus } from "./helpers"

const VARIANT_COUNT = DEMO_PRODUCTS.reduce((n, p) => n + demoVariants(p).length, 0)

export const demoShopSuite: ShopSuite = ({ api, getContainer }) => {
  let keys: Record<string, string>
  let regionId: string

  beforeAll(async () => {
    const container = getContainer()
    await seedDemoShop(container)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "branch",
      fields: ["code", "sales_channel.id"],
    })
    const { data: apiKeys } = await query.graph({
      entity: "api_key",
      fields: ["token", "sales_channels.id"],
      filters: { type: "publishable" },
    })
    keys = {}
    for (const branch of data as { code: string; sales_channel: { id: string } }[]) {
      // The branch's own key sells only its channel (the default key sells every branch's).
      const key = (apiKeys as { token: string; sales_channels: { id: string }[] }[]).find(
        (k) => k.sales_channels.length === 1 && k.sales_channels[0].id === branch.sales_channel.id
      )
      keys[branch.code] = key!.token
    }
    const [region] = await container.resolve(Modules.REGION).listRegions({ name: "India" })
    regionId = region.id
  })

  const store = (code: string) => ({ headers: { "x-publishable-api-key": keys[code] } })

  describe("demo shop seed", () => {
    it("creates three branches, each with its own publishable key", () => {
      expect(Object.keys(keys).sort()).toEqual(["BLR", "MUM", "PUN"])
      expect(new Set(Object.values(keys)).size).toBe(3)
    })

    it("sells every branch's catalogue with Medusa's default publishable key, so no key shows an empty shop", async () => {
      const [defaultKey] = await getContainer().resolve(Modules.API_KEY).listApiKeys({ title: "Default Publishable API Key", type: "publishable" })
      const count = async (headers: { headers: Record<string, string> }) => (await api.get("/store/products?limit=1&fields=id", headers)).data.count as number
      const byBranch = await Promise.all(["MUM", "PUN", "BLR"].map((code) => count(store(code))))
      const everywhere = await count({ headers: { "x-publishable-api-key": defaultKey.token } })
      expect(Math.min(...byBranch)).toBeGreaterThan(0)
      expect(everywhere).toBeGreaterThanOrEqual(Math.max(...byBranch))
    })

    it("finishes an interrupted seed without duplicating anything", async () => {
      const container = getContainer()
      const storeService = container.resolve(Modules.STORE)
      const [shop] = await storeService.listStores()
      // As if the previous run had been killed before it recorded completion.
      await storeService.updateStores(shop.id, { metadata: { [DEMO_SEED_MARKER]: null } })
      await seedDemoShop(container)
      await seedDemoShop(container)

      const products = await container.resolve(Modules.PRODUCT).listProducts({})
      expect(products).toHaveLength(DEMO_PRODUCTS.length)
      const locations = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({})
      expect(locations).toHaveLength(DEMO_BRANCHES.length)
      const levels = await container.resolve(Modules.INVENTORY).listInventoryLevels({})
      expect(levels).toHaveLength(VARIANT_COUNT * DEMO_BRANCHES.length)
      const regions = await container.resolve(Modules.REGION).listRegions({})
      expect(regions).toHaveLength(1)
      const [again] = await storeService.listStores()
      expect(again.metadata?.[DEMO_SEED_MARKER]).toEqual(expect.any(String))
    })

    it("repairs what a run killed inside a workflow left half-made", async () => {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const productService = container.resolve(Modules.PRODUCT)
      const [ring] = await productService.listProducts({ handle: "lakshmi-22k-gold-ring" }, { relations: ["variants"] })
      // A product whose variants were never created, a branch without its stock location link.
      await productService.softDeleteProductVariants(ring.variants.map((v) => v.id))
      const { data: pune } = (await query.graph({
        entity: "branch",
        fields: ["id", "stock_location.id"],
        filters: { code: "PUN" },
      })) as { data: { id: string; stock_location: { id: string } }[] }
      await container.resolve(ContainerRegistrationKeys.LINK).dismiss({
        [BRANCH_MODULE]: { branch_id: pune[0].id },
        [Modules.STOCK_LOCATION]: { stock_location_id: pune[0].stock_location.id },
      })
      const [shop] = await container.resolve(Modules.STORE).listStores()
      await container.resolve(Modules.STORE).updateStores(shop.id, { metadata: { [DEMO_SEED_MARKER]: null } })

      await seedDemoShop(container)

      const { data: rings } = await query.graph({
        entity: "product",
        fields: ["id", "variants.sku", "variants.price_set.id", "variants.inventory_items.inventory.location_levels.stocked_quantity"],
        filters: { handle: "lakshmi-22k-gold-ring" },
      })
      expect(rings).toHaveLength(1)
      const variants = rings[0].variants as any[]
      // One variant an article: each size in seven pieces (three at Mumbai, two each at Pune and Bengaluru), each in stock once.
      const skus = ["12", "14", "16"].flatMap((size) => SHOWCASE_ARTICLES.map((_, i) => `RNG-LAK-22K-${size}${i ? `-${i + 1}` : ""}`))
      expect(variants.map((v) => v.sku).sort()).toEqual(skus.sort())
      for (const variant of variants) {
        expect(variant.price_set?.id).toEqual(expect.any(String))
        const levels = variant.inventory_items[0].inventory.location_levels.map((l: { stocked_quantity: number }) => l.stocked_quantity)
        expect(levels.sort()).toEqual([0, 0, 1])
      }
      const { data: repaired } = (await query.graph({
        entity: "branch",
        fields: ["stock_location.id"],
        filters: { code: "PUN" },
      })) as { data: { stock_location?: { id: string } }[] }
      expect(repaired[0].stock_location?.id).toBe(pune[0].stock_location.id)
      const res = await api.get("/store/products?handle=lakshmi-22k-gold-ring&fields=variants.sku", store("PUN"))
      expect(res.data.products).toHaveLength(1)
    })
  })

  describe("GET /store/products with a branch's publishable key", () => {
    it.each(["MUM", "PUN", "BLR"])("lists the seeded jewellery with rate-based INR prices for %s", async (code) => {
      const res = await api.get(
        `/store/products?region_id=${regionId}&limit=50&fields=title,handle,*variants.calculated_price`,
        store(code)
      )
      expect(res.status).toBe(200)
      expect(res.data.count).toBe(DEMO_PRODUCTS.length)
      const ring = res.data.products.find((p: { handle: string }) => p.handle === "lakshmi-22k-gold-ring")
      const sizes = ring.variants.map((v: { calculated_price: { calculated_amount: number; currency_code: string } }) => [
        v.calculated_price.currency_code,
        v.calculated_price.calculated_amount,
      ])
      // Taxable values at ₹7,245.50/g (22K), ₹450/g making, ₹45 hallmark fee: see docs/pricing.md.
      expect([...new Set(sizes.map((s: unknown[]) => JSON.stringify(s)))].sort()).toEqual([
        JSON.stringify(["inr", 31596.55]),
        JSON.stringify(["inr", 32673.92]),
        JSON.stringify(["inr", 33751.29]),
      ])
      expect(sizes).toHaveLength(3 * SHOWCASE_ARTICLES.length)
    })

    it("shows each branch's own stock", async () => {
      for (const branch of DEMO_BRANCHES) {
        const res = await api.get(
          `/store/products?handle=24k-gold-coin&fields=variants.sku,+variants.inventory_quantity`,
          store(branch.code)
        )
        const quantities = res.data.products[0].variants.map((v: { inventory_quantity: number }) => v.inventory_quantity)
        expect(quantities).toEqual([branch.stock_per_variant, branch.stock_per_variant])
      }
    })

    it("refuses a request without a publishable key", async () => {
      const res = await expectStatus(api.get("/store/products"))
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/publishable/i)
    })
  })

  describe("GST on a cart", () => {
    it("adds 3 % GST to the taxable value of a Mumbai cart", async () => {
      // The 10 g coin: 10.000 g × ₹7,850.00 + ₹300 making = ₹78,800.00 taxable, GST ₹2,364.00.
      const { data: products } = await api.get("/store/products?handle=24k-gold-coin&fields=variants.sku", store("MUM"))
      const variant = products.products[0].variants.find((v: { sku: string }) => v.sku === "COIN-24K-10G")
      const { data: created } = await api.post("/store/carts", { region_id: regionId }, store("MUM"))
      const cartId = created.cart.id
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variant.id, quantity: 1 }, store("MUM"))
      await api.post(
        `/store/carts/${cartId}`,
        { shipping_address: { first_name: "Asha", last_name: "Patil", address_1: "1 MG Road", city: "Mumbai", province: "in-mh", postal_code: "400001", country_code: "in" } },
        store("MUM")
      )
      const { data } = await api.get(`/store/carts/${cartId}?fields=+item_subtotal,+item_tax_total,+total`, store("MUM"))
      expect(data.cart.currency_code).toBe("inr")
      expect(data.cart.item_subtotal).toBe(78800)
      expect(data.cart.item_tax_total).toBe(2364)
      expect(data.cart.total).toBe(81164)
    })
  })

  describe("branches API", () => {
    it("GET /store/branches lists the active branches with stock location and sales channel", async () => {
      const res = await api.get("/store/branches", store("PUN"))
      expect(res.status).toBe(200)
      expect(res.data.count).toBe(3)
      const mumbai = res.data.branches.find((b: { code: string }) => b.code === "MUM")
      expect(mumbai).toEqual(
        expect.objectContaining({
          gstin: "27AAACJ1234M1ZM",
          state_code: "27",
          stock_location: expect.objectContaining({ id: expect.stringMatching(/^sloc_/) }),
          sales_channel: expect.objectContaining({ id: expect.stringMatching(/^sc_/) }),
        })
      )
      expect(mumbai.metadata).toBeUndefined()
    })

    it("GET /store/branches/:id answers 404 with a message for an unknown id", async () => {
      const res = await expectStatus(api.get("/store/branches/br_missing", store("MUM")))
      expect(res.status).toBe(404)
      expect(res.data.message).toBe('Branch with id "br_missing" was not found')
    })

    it("GET /admin/branches needs a logged-in user", async () => {
      const res = await expectStatus(api.get("/admin/branches"))
      expect(res.status).toBe(401)
    })

    it("GET /admin/branches paginates, filters and searches", async () => {
      const auth = await adminHeaders(getContainer(), api)
      const page = await api.get("/admin/branches?limit=2&offset=0&order=code", auth)
      expect(page.data).toEqual(expect.objectContaining({ count: 3, limit: 2, offset: 0 }))
      expect(page.data.branches.map((b: { code: string }) => b.code)).toEqual(["BLR", "MUM"])
      expect(page.data.branches[0].is_active).toBe(true)

      const inMaharashtra = await api.get("/admin/branches?state_code=27", auth)
      expect(inMaharashtra.data.branches.map((b: { code: string }) => b.code).sort()).toEqual(["MUM", "PUN"])

      const search = await api.get("/admin/branches?q=laxmi", auth)
      expect(search.data.branches.map((b: { code: string }) => b.code)).toEqual(["PUN"])

      const one = await api.get(`/admin/branches/${search.data.branches[0].id}`, auth)
      expect(one.data.branch.city).toBe("Pune")
    })

    it("GET /admin/branches rejects bad query parameters with 400 and says why", async () => {
      const auth = await adminHeaders(getContainer(), api)
      const bad = await expectStatus(api.get("/admin/branches?limit=lots&colour=gold", auth))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/limit/)
      expect(bad.data.message).toMatch(/colour/)
      const missing = await expectStatus(api.get("/admin/branches/br_missing", auth))
      expect(missing.status).toBe(404)
    })
  })

  describe("admin login", () => {
    it("POST /auth/user/emailpass returns a token for the admin and refuses a wrong password", async () => {
      await adminHeaders(getContainer(), api)
      const wrong = await expectStatus(api.post("/auth/user/emailpass", { ...ADMIN, password: "nope" }))
      expect(wrong.status).toBe(401)
      const right = await api.post("/auth/user/emailpass", ADMIN)
      expect(right.data.token).toEqual(expect.any(String))
      const me = await api.get("/admin/users/me", { headers: { authorization: `Bearer ${right.data.token}` } })
      expect(me.data.user.email).toBe(ADMIN.email)
    })
  })
}
