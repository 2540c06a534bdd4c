import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { OFFERS_MODULE } from ".."
import { compileSegmentRule } from "../../../lib/segments"
import { Campaign } from "../models/campaign"
import { CampaignRun } from "../models/campaign-run"
import { CustomerFacts } from "../models/customer-facts"
import { FactsRefresh } from "../models/facts-refresh"
import { Offer } from "../models/offer"
import { Segment } from "../models/segment"
import OffersModuleService from "../service"

jest.setTimeout(120 * 1000)

const TODAY = { year: 2026, month: 12, day: 1 }
const NOW = "2026-12-01T06:30:00.000Z"

moduleIntegrationTestRunner<OffersModuleService>({
  moduleName: OFFERS_MODULE,
  moduleModels: [Segment, Campaign, CampaignRun, Offer, CustomerFacts, FactsRefresh],
  resolve: "./src/modules/offers",
  testSuite: ({ service }) => {
    async function campaignWithRun() {
      const campaign = await service.createCampaigns({ name: "Test", offer_type: "fixed", offer_value: 100_000 })
      const run = await service.createCampaignRuns({ campaign_id: campaign.id, occasion: "once" })
      return { campaign, run }
    }
    const pending = (n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => ({ id: `offer_${prefix}${i}`, customer_id: `cus_${i}`, occasion: "once", code: `${prefix}-${i}`, expires_at: null }))

    it("counts and pages the customers a rule selects, highest lifetime value first", async () => {
      await service.createCustomerFacts([
        { customer_id: "cus_a", first_name: "Asha", lifetime_value: 250000, order_count: 4, tags: ["vip"], birthday_md: "1203", consent_whatsapp: true, tier: "Gold" },
        { customer_id: "cus_b", first_name: "Bina", lifetime_value: 5000, order_count: 1, tags: ["vip"], tier: "Silver" },
        { customer_id: "cus_c", first_name: "Chitra", lifetime_value: 0, order_count: 0, tags: [] },
      ] as never)
      const where = (rule: unknown) => compileSegmentRule(rule as never, TODAY, NOW)
      const vip = await service.previewAudience(where({ field: "tag", op: "includes", value: "VIP" }), { limit: 1, offset: 0 })
      expect([vip.count, vip.customers.map((c) => c.customer_id)]).toEqual([2, ["cus_a"]])
      expect(vip.customers[0]).toEqual(expect.objectContaining({ lifetime_value: 250000, order_count: 4, tier: "Gold" }))
      const past = await service.previewAudience(where({ field: "tag", op: "includes", value: "vip" }), { limit: 5, offset: 10 })
      expect([past.count, past.customers]).toEqual([2, []])
      const soon = await service.previewAudience(where({ all: [{ field: "birthday", op: "within_days", value: 3 }, { field: "consent", op: "granted", value: "whatsapp" }] }), {
        limit: 5,
        offset: 0,
      })
      expect([soon.count, soon.customers.map((c) => c.customer_id)]).toEqual([1, ["cus_a"]])
    })

    it("writes an audience down once: a customer with the campaign's offer for the occasion is skipped", async () => {
      const { campaign, run } = await campaignWithRun()
      expect(await service.addPendingOffers({ id: run.id, campaign_id: campaign.id }, pending(3, "A"))).toBe(3)
      // The same customers again (another attempt, new ids and codes): nothing is added.
      expect(await service.addPendingOffers({ id: run.id, campaign_id: campaign.id }, pending(4, "B"))).toBe(1)
      const offers = await service.listOffers({ campaign_id: campaign.id }, { order: { customer_id: "ASC" } })
      expect(offers.map((o) => [o.customer_id, o.code, o.status])).toEqual([
        ["cus_0", "A-0", "pending"],
        ["cus_1", "A-1", "pending"],
        ["cus_2", "A-2", "pending"],
        ["cus_3", "B-3", "pending"],
      ])
      // Of two customers a rule selects, only the one without this campaign's offer is new.
      await service.createCustomerFacts([{ customer_id: "cus_0" }, { customer_id: "cus_9" }] as never)
      const found = await service.findNewAudience(campaign.id, { sql: "customer_id in (?, ?)", bindings: ["cus_0", "cus_9"] }, { sql: "'once'", bindings: [] })
      expect(found).toEqual({ members: [{ customer_id: "cus_9", occasion: "once" }], matched: 2 })
    })

    it("issues pending offers once, even when two batches race, and counts them into the run", async () => {
      const { campaign, run } = await campaignWithRun()
      await service.addPendingOffers({ id: run.id, campaign_id: campaign.id }, pending(5, "R"))
      const batch = await service.listPendingOffers(run.id, 10)
      // A share's next batch starts after its previous one's last id.
      expect((await service.listPendingOffers(run.id, 2, { shard: 0, shards: 1, after: batch[2].id })).map((o) => o.id)).toEqual([batch[3].id, batch[4].id])
      const issue = batch.map((o) => ({ id: o.id, promotion_id: null, message_id: `msg_${o.id}` }))
      const moved = await Promise.all([service.markOffersIssued(issue), service.markOffersIssued(issue)])
      expect(moved[0] + moved[1]).toBe(5)
      expect(await service.listPendingOffers(run.id, 10)).toEqual([])
      await service.addRunProgress(run.id, { processed: 5, issued: 5, messaged: 4 })
      await service.addRunProgress(run.id, { processed: -2, issued: -2, messaged: -1 })
      expect(await service.retrieveCampaignRun(run.id)).toEqual(expect.objectContaining({ processed: 3, issued: 3, messaged: 3 }))
      await service.unmarkOffersIssued(batch.slice(0, 2).map((o) => o.id))
      expect((await service.listPendingOffers(run.id, 10)).map((o) => o.id)).toEqual(batch.slice(0, 2).map((o) => o.id))
    })

    it("expires offers past their date and cancels a campaign's unredeemed ones, returning their promotions", async () => {
      const { campaign, run } = await campaignWithRun()
      await service.addPendingOffers(
        { id: run.id, campaign_id: campaign.id },
        pending(3, "E").map((o, i) => ({ ...o, expires_at: i === 0 ? new Date("2026-11-01") : new Date("2027-01-01") }))
      )
      const [first, second, third] = await service.listOffers({ run_id: run.id }, { order: { id: "ASC" } })
      await service.updateOffers([
        { id: first.id, status: "issued", promotion_id: "promo_1" },
        { id: second.id, status: "redeemed", promotion_id: "promo_2" },
        { id: third.id, status: "issued", promotion_id: "promo_3" },
      ])
      expect(await service.expireOffers(new Date("2026-12-01"))).toEqual({ expired: 1, promotion_ids: ["promo_1"] })
      expect(await service.expireOffers(new Date("2026-12-01"))).toEqual({ expired: 0, promotion_ids: [] })
      expect(await service.cancelCampaignOffers(campaign.id)).toEqual({ count: 1, promotion_ids: ["promo_3"] })
      expect((await service.listOffers({ run_id: run.id }, { order: { id: "ASC" } })).map((o) => o.status)).toEqual(["expired", "redeemed", "cancelled"])
      expect((await service.retrieveCampaignRun(run.id)).status).toBe("cancelled")
    })
  },
})
