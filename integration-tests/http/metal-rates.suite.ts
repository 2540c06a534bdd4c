import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ShopSuite } from "../support/runner"
import { eventsSettled, waitFor } from "../support/wait"
import { BRANCH_MODULE } from "../../src/modules/branch"
import type BranchModuleService from "../../src/modules/branch/service"
import { JEWELRY_MODULE } from "../../src/modules/jewelry"
import type JewelryModuleService from "../../src/modules/jewelry/service"
import { demoShop, expectStatus, type Headers } from "./helpers"

export const metalRatesSuite: ShopSuite = ({ api, getContainer }) => {
  let auth: Headers
  let storeHeaders: Headers
  let blrId: string

  beforeAll(async () => {
    const container = getContainer()
    ;({ auth, store: storeHeaders } = await demoShop(container, api))
    const [blr] = await container.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({ code: "BLR" })
    blrId = blr.id
  })

  const gold916 = (rates: { metal: string; purity: number; branch_id: string | null; rate_per_g: number }[]) =>
    rates.find((r) => r.metal === "gold" && r.purity === 916 && r.branch_id === null)

  describe("GET /admin/metal-rates", () => {
    it("lists the demo shop's rates in force, in rupees and paise", async () => {
      const { data } = await api.get("/admin/metal-rates", auth)
      expect(gold916(data.rates)).toEqual(
        expect.objectContaining({ karat: "22K", rate_per_g: 7245.5, rate_per_g_paise: 724550, source: "demo" })
      )
      const blr = data.rates.find((r: { branch_id: string | null }) => r.branch_id === blrId)
      expect(blr.rate_per_g).toBe(7260)
    })
  })

  describe("POST /admin/metal-rates", () => {
    it("publishes several rates at once and keeps the old ones as history", async () => {
      const res = await api.post(
        "/admin/metal-rates",
        {
          rates: [
            { metal: "gold", purity: 916, rate_per_g: "7,301.25" },
            { metal: "silver", purity: 999, rate_per_g: 96 },
          ],
          source: "IBJA",
        },
        auth
      )
      expect(res.status).toBe(201)
      expect(res.data.rates.map((r: { rate_per_g_paise: number }) => r.rate_per_g_paise)).toEqual([730125, 9600])

      const { data } = await api.get("/admin/metal-rates", auth)
      expect(gold916(data.rates)?.rate_per_g).toBe(7301.25)

      const history = await api.get("/admin/metal-rates/history?metal=gold&purity=916&limit=10", auth)
      const shopWide = history.data.rates.filter((r: { branch_id: string | null }) => r.branch_id === null)
      expect(shopWide.map((r: { rate_per_g: number }) => r.rate_per_g)).toEqual([7301.25, 7245.5])
      expect(history.data.rates[0].set_by).toMatch(/^user_/)
    })

    it("asks for confirmation of a move over 10 % and then publishes it", async () => {
      const typo = { rates: [{ metal: "gold", purity: 916, rate_per_g: "72455" }] }
      const refused = await expectStatus(api.post("/admin/metal-rates", typo, auth))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe(
        'These rates change by more than 10 %: gold 916: ₹7,245.50 → ₹72,455.00 (+900.0 %). Send "confirm": true to publish them.'
      )
      const { data: unchanged } = await api.get("/admin/metal-rates", auth)
      expect(gold916(unchanged.rates)?.rate_per_g).toBe(7245.5)

      const confirmed = await api.post("/admin/metal-rates", { ...typo, confirm: true }, auth)
      expect(confirmed.status).toBe(201)
    })

    it("accepts a branch's own rate", async () => {
      const res = await api.post("/admin/metal-rates", { rates: [{ metal: "gold", purity: 916, rate_per_g: "7270", branch_id: blrId }] }, auth)
      expect(res.data.rates[0].branch_id).toBe(blrId)
      const { data } = await api.get(`/store/metal-rates?branch_id=${blrId}`, storeHeaders)
      expect(data.rates.filter((r: { purity: number; metal: string }) => r.metal === "gold" && r.purity === 916)).toHaveLength(2)
    })

    describe("with an idempotency_key", () => {
      const knex = () => getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
      const count = async (sql: string, params: string[]) => Number((await knex().raw(sql, params)).rows[0].n)
      const jewelry = () => getContainer().resolve<JewelryModuleService>(JEWELRY_MODULE)
      const publish = (key: string, rates: unknown[] = [{ metal: "gold", purity: 916, rate_per_g: "7301.25" }, { metal: "silver", purity: 999, rate_per_g: 96, branch_id: blrId }]) =>
        expectStatus(api.post("/admin/metal-rates", { rates, source: "IBJA", idempotency_key: key }, auth))
      /** Rates rows and their audit entries in the database, and the reprice jobs publishes set off since `since`. */
      const written = async (key: string, since: Date) => ({
        rates: await count("select count(*) as n from metal_rate where idempotency_key = ?", [key]),
        audit_entries: await count(
          "select count(*) as n from audit_entry where action = 'metal_rate.published' and entity_id in (select id from metal_rate where idempotency_key = ?)",
          [key]
        ),
        reprice_jobs: (await jewelry().listRepriceJobs({ trigger: "rates_set", created_at: { $gte: since } })).length,
      })
      /** The end of the reprice a publish set off, and of every subscriber run since (a second publish would have started a second job). */
      async function repriced(since: Date) {
        await waitFor("the reprice job to finish", async () => {
          const [job] = await jewelry().listRepriceJobs({ trigger: "rates_set", created_at: { $gte: since } })
          return job && (job.status === "succeeded" || job.status === "failed")
        })
        await eventsSettled(getContainer())
      }

      it("answers a retry with the rates the first attempt published, publishing and repricing nothing again", async () => {
        const since = new Date()
        const first = await publish("ibja-2026-12-05-am")
        expect(first.status).toBe(201)
        await repriced(since)

        const retry = await publish("ibja-2026-12-05-am")
        expect(retry.status).toBe(201)
        expect(retry.data).toEqual(first.data)
        await repriced(since)
        expect(await written("ibja-2026-12-05-am", since)).toEqual({ rates: 2, audit_entries: 2, reprice_jobs: 1 })
      })

      it("publishes once, and reprices once, when two attempts with one key arrive together", async () => {
        const since = new Date()
        const [a, b] = await Promise.all([publish("ibja-2026-12-05-pm"), publish("ibja-2026-12-05-pm")])
        expect([a.status, b.status]).toEqual([201, 201])
        expect(b.data.rates.map((r: { id: string }) => r.id)).toEqual(a.data.rates.map((r: { id: string }) => r.id))
        await repriced(since)
        expect(await written("ibja-2026-12-05-pm", since)).toEqual({ rates: 2, audit_entries: 2, reprice_jobs: 1 })
      })

      it("refuses the key of another publish with 409, publishing nothing", async () => {
        const since = new Date()
        expect((await publish("ibja-2026-12-06-am")).status).toBe(201)
        const res = await publish("ibja-2026-12-06-am", [{ metal: "gold", purity: 916, rate_per_g: "7310" }])
        expect(res.status).toBe(409)
        expect(res.data.message).toBe('idempotency_key "ibja-2026-12-06-am" was already used to publish other rates; use a new key for a new publish')
        await repriced(since)
        expect(await written("ibja-2026-12-06-am", since)).toEqual({ rates: 2, audit_entries: 2, reprice_jobs: 1 })
        const { data } = await api.get("/admin/metal-rates", auth)
        expect(gold916(data.rates)?.rate_per_g).toBe(7301.25)
      })
    })

    it.each([
      [{ rates: [{ metal: "gold", purity: 916, rate_per_g: 0 }] }, /must be more than zero/],
      [{ rates: [{ metal: "gold", purity: 916, rate_per_g: "-5" }] }, /Invalid amount in rupees/],
      [{ rates: [{ metal: "gold", purity: 916, rate_per_g: "seven thousand" }] }, /Invalid amount in rupees/],
      [{ rates: [{ metal: "gold", purity: 916, rate_per_g: "7245.505" }] }, /more than 2 decimals/],
      [{ rates: [{ metal: "copper", purity: 999, rate_per_g: 900 }] }, /metal/],
      [{ rates: [{ metal: "gold", purity: 900, rate_per_g: 7000 }] }, /gold is not sold in purity 900/],
      [{ rates: [{ metal: "gold", purity: 916, rate_per_g: 7250, branch_id: "br_nowhere" }] }, /Unknown branch br_nowhere/],
      [
        { rates: [{ metal: "gold", purity: 916, rate_per_g: 7250 }, { metal: "gold", purity: 916, rate_per_g: 7251 }] },
        /appears twice/,
      ],
      [{ rates: [] }, /rates/],
      [{ rates: [{ metal: "gold", purity: 916, rate_per_g: 7250 }], colour: "red" }, /colour/],
    ])("refuses %j with a 400 and a reason, writing nothing", async (body, message) => {
      const container = getContainer()
      const jewelry = container.resolve<JewelryModuleService>(JEWELRY_MODULE)
      const before = await jewelry.listAndCountMetalRates({})
      const res = await expectStatus(api.post("/admin/metal-rates", body, auth))
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(message)
      const after = await jewelry.listAndCountMetalRates({})
      expect(after[1]).toBe(before[1])
    })
  })

  describe("GET /admin/metal-rates/history", () => {
    it("filters by period and paginates", async () => {
      const all = await api.get("/admin/metal-rates/history?limit=3&offset=0", auth)
      expect(all.data).toEqual(expect.objectContaining({ count: 7, limit: 3, offset: 0 }))
      expect(all.data.rates).toHaveLength(3)
      const future = await api.get(`/admin/metal-rates/history?from=${new Date(Date.now() + 86400000).toISOString()}`, auth)
      expect(future.data.count).toBe(0)
    })

    it("rejects a period that ends before it starts, and unknown filters", async () => {
      const res = await expectStatus(api.get("/admin/metal-rates/history?from=2026-02-01&to=2026-01-01", auth))
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/from must not be after to/)
      const bad = await expectStatus(api.get("/admin/metal-rates/history?purity=abc", auth))
      expect(bad.status).toBe(400)
    })
  })

  describe("GET /store/metal-rates", () => {
    it("shows today's shop-wide rates to the storefront", async () => {
      const { data } = await api.get("/store/metal-rates", storeHeaders)
      expect(data.rates).toHaveLength(6)
      expect(gold916(data.rates)).toEqual(expect.objectContaining({ karat: "22K", rate_per_g: 7245.5 }))
      expect(data.rates[0].id).toBeUndefined()
    })
  })
}
