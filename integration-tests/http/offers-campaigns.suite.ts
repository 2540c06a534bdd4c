import { Modules } from "@medusajs/framework/utils"
import type { ShopSuite } from "../support/runner"
import { eventsSettled, waitFor } from "../support/wait"
import { CRM_MODULE } from "../../src/modules/crm"
import type CrmModuleService from "../../src/modules/crm/service"
import { MESSAGING_MODULE } from "../../src/modules/messaging"
import type MessagingModuleService from "../../src/modules/messaging/service"
import { OFFERS_MODULE } from "../../src/modules/offers"
import type OffersModuleService from "../../src/modules/offers/service"
import { runAutomaticCampaigns } from "../../src/workflows/offers"
import { issueOffersBatchWorkflow } from "../../src/workflows/offers"
import { runCampaignRun, startCampaignRun } from "../../src/workflows/offers"
import { demoShop, expectStatus, finishedRun, type Headers } from "./helpers"

const DAY = 86_400_000

/** Campaigns on hand-made customers: who gets an offer, exactly once, told how, and what is refused. */
export const offersCampaignsSuite: ShopSuite = ({ api, getContainer }) => {
  let auth: Headers
  const ids: Record<string, string> = {}
  const offersOf = (campaignId: string) => getContainer().resolve<OffersModuleService>(OFFERS_MODULE).listOffers({ campaign_id: campaignId })
  const who = (customerIds: string[]) => customerIds.map((id) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id).sort()
  const campaign = async (body: Record<string, unknown>) => {
    const res = await expectStatus(api.post("/admin/offers/campaigns", { name: `Test ${Math.random()}`, offer: { type: "fixed", value: 1000 }, ...body }, auth))
    return res
  }

  beforeAll(async () => {
    ;({ auth } = await demoShop(getContainer(), api))
    const soon = new Date(Date.now() + 330 * 60_000 + 3 * DAY)
    const birthday = `1988-${String(soon.getUTCMonth() + 1).padStart(2, "0")}-${String(soon.getUTCDate()).padStart(2, "0")}`
    const people: [string, Record<string, unknown>][] = [
      ["meera", { first_name: "Meera", phone: "98100 00001", tags: ["camptest"], consents: { whatsapp: "granted" }, birthday }],
      ["nisha", { first_name: "Nisha", phone: "98100 00002", tags: ["camptest"], consents: { sms: "granted" } }],
      ["omana", { first_name: "Omana", phone: "98100 00003", tags: ["camptest"] }],
      ["pooja", { first_name: "Pooja", phone: "98100 00004", tags: ["othertest"], consents: { sms: "granted" } }],
    ]
    for (const [key, body] of people) {
      const { data } = await api.post("/admin/crm/customers", body, auth)
      ids[key] = data.customer.id
    }
    // Nisha last bought 200 days ago: lapsed for a win-back offer.
    await getContainer()
      .resolve<CrmModuleService>(CRM_MODULE)
      .createCustomerStats([{ customer_id: ids.nisha, order_count: 2, lifetime_value: 80000, last_order_at: new Date(Date.now() - 200 * DAY) }])
  })

  it("refuses campaigns whose terms do not hold together, saving nothing", async () => {
    const before = (await getContainer().resolve<OffersModuleService>(OFFERS_MODULE).listCampaigns({ kind: "manual" })).length
    const medusaBefore = (await getContainer().resolve(Modules.PROMOTION).listCampaigns({})).length
    const rules = { field: "tag", op: "includes", value: "camptest" }
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ rules, offer: { type: "percentage", value: 120 } }, 400, /offer, value.*at most: '100'/],
      [{ rules, offer: { type: "fixed", value: 5000, max_discount: 2000 } }, 400, /exceeds its cap/],
      [{ rules, offer: { type: "fixed", value: 5000 }, budget: 3000 }, 400, /more than the whole budget/],
      [{ rules, starts_at: "2027-02-10", ends_at: "2027-02-01" }, 400, /end after it starts/],
      [{ rules, ends_at: "2020-01-01" }, 400, /already passed/],
      [{ rules: { field: "shoe_size", op: "eq", value: 9 } }, 400, /unknown field "shoe_size"/],
      [{ rules, segment_id: "oseg_missing" }, 400, /one of them/],
      [{ segment_id: "oseg_missing" }, 404, /oseg_missing/],
      [{ rules, message: "Hello {{nickname}}, code {{code}}" }, 400, /nickname/],
      [{ rules, offer: { type: "fixed", value: 10.005 } }, 400, /offer, value.*multiple of: '0.01'/],
      [{ rules, offer: { type: "percentage", value: -5 } }, 400, /value/],
      [{ rules, branch_id: "br_missing" }, 400, /no branch/],
      [{ rules, channel: "pigeon" }, 400, /channel/],
    ]
    for (const [body, status, message] of cases) {
      const res = await campaign(body)
      expect([res.status, res.data.message]).toEqual([status, expect.stringMatching(message)])
    }
    expect((await getContainer().resolve<OffersModuleService>(OFFERS_MODULE).listCampaigns({ kind: "manual" })).length).toBe(before)
    // Medusa's campaigns are untouched too: the workflow made none.
    expect((await getContainer().resolve(Modules.PROMOTION).listCampaigns({})).length).toBe(medusaBefore)
  })

  it("issues one offer to each customer of the segment, tells those who agreed, and issues nothing twice", async () => {
    const { data: seg } = await api.post("/admin/offers/segments", { name: "Campaign testers", rules: { field: "tag", op: "includes", value: "camptest" } }, auth)
    expect((await expectStatus(api.post("/admin/offers/segments", { name: "Campaign testers", rules: { field: "order_count", op: "gte", value: 1 } }, auth))).status).toBe(409)
    const { data: preview } = await api.post("/admin/offers/segments/preview", { segment_id: seg.segment.id }, auth)
    expect(preview.count).toBe(3)

    const created = await campaign({ name: "Akshaya Tritiya", segment_id: seg.segment.id, offer: { type: "percentage", value: 10, max_discount: 5000 }, min_order: 20000, budget: 100000 })
    expect(created.status).toBe(201)
    expect(created.data.campaign).toEqual(
      expect.objectContaining({ status: "draft", description: "10% off (up to ₹5,000) on ₹20,000 or more", budget: 100000, min_order: 20000 })
    )
    const id = created.data.campaign.id
    const [medusaCampaign] = await getContainer().resolve(Modules.PROMOTION).listCampaigns({ id: created.data.campaign.promotion_campaign_id }, { relations: ["budget"] })
    expect(medusaCampaign.budget).toEqual(expect.objectContaining({ type: "spend", limit: 100000, currency_code: "inr" }))

    const started = await api.post(`/admin/offers/campaigns/${id}/run`, {}, auth)
    expect(started.status).toBe(202)
    const run = await finishedRun(api, auth, started.data.run.id)
    expect(run).toEqual(expect.objectContaining({ status: "succeeded", total: 3, processed: 3, issued: 3, messaged: 2, skipped: 0 }))

    const offers = await offersOf(id)
    expect(who(offers.map((o) => o.customer_id))).toEqual(["meera", "nisha", "omana"])
    expect(new Set(offers.map((o) => o.code)).size).toBe(3)
    for (const offer of offers) {
      expect(offer.code).toMatch(/^OFFER-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
      expect(offer.status).toBe("issued")
      // Promotions are created on first use (OFFERS_PROMOTIONS=on_first_use): none yet.
      expect(offer.promotion_id).toBeNull()
    }

    // Consent decides: WhatsApp for Meera, SMS for Nisha, nothing for Omana (kept as not sent, with the reason).
    const messages = await getContainer()
      .resolve<MessagingModuleService>(MESSAGING_MODULE)
      .listMessages({ id: offers.map((o) => o.message_id!) })
    const byCustomer = Object.fromEntries(messages.map((m) => [who([m.customer_id!])[0], m]))
    expect(byCustomer.meera).toEqual(expect.objectContaining({ channel: "whatsapp", status: "queued", event: "offer_issued", kind: "promotional" }))
    expect(byCustomer.meera.body).toContain(offers.find((o) => o.customer_id === ids.meera)!.code)
    expect(byCustomer.meera.body).toContain("10% off (up to ₹5,000) on ₹20,000 or more")
    expect(byCustomer.nisha).toEqual(expect.objectContaining({ channel: "sms", status: "queued" }))
    expect(byCustomer.omana).toEqual(expect.objectContaining({ status: "not_sent", reason: expect.stringMatching(/consent/) }))

    // Running it again issues nothing and sends nothing.
    const again = await api.post(`/admin/offers/campaigns/${id}/run`, {}, auth)
    expect([again.status, again.data.run.id]).toEqual([200, run.id])
    await runCampaignRun(getContainer(), run.id)
    expect((await offersOf(id)).length).toBe(3)
    expect((await getContainer().resolve<MessagingModuleService>(MESSAGING_MODULE).listMessages({ event: "offer_issued", customer_id: Object.values(ids) })).length).toBe(3)

    const { data: detail } = await api.get(`/admin/offers/campaigns/${id}`, auth)
    expect(detail.campaign.status).toBe("finished")
    expect(detail.report).toEqual(expect.objectContaining({ audience: 3, issued: 3, redeemed: 0, messages: expect.objectContaining({ queued: 2, not_sent: 1 }) }))
    const { data: listed } = await api.get(`/admin/offers/campaigns/${id}/offers?limit=2`, auth)
    expect([listed.count, listed.offers.length, listed.offers[0].customer.first_name]).toEqual([3, 2, expect.any(String)])
    // A campaign that ran cannot change its terms.
    const change = await expectStatus(api.post(`/admin/offers/campaigns/${id}`, { offer: { type: "fixed", value: 10 } }, auth))
    expect([change.status, change.data.message]).toEqual([400, expect.stringMatching(/only a campaign that has not run/)])
  })

  it("resumes a run stopped half-way without issuing anything twice", async () => {
    const { data } = await campaign({ name: "Resumed", rules: { field: "tag", op: "includes", value: "camptest" } })
    const { run } = await startCampaignRun(getContainer(), data.campaign.id)
    // The audience is written down and one offer issued; then the process "dies".
    const offers: OffersModuleService = getContainer().resolve(OFFERS_MODULE)
    await offers.addPendingOffers(
      { id: run.id, campaign_id: data.campaign.id },
      [ids.meera, ids.nisha, ids.omana].map((customer_id, i) => ({ id: `offer_resume${i}`, customer_id, occasion: "once", code: `RESUME-${i}`, expires_at: null }))
    )
    await offers.updateCampaignRuns({ id: run.id, status: "running", total: 3, heartbeat_at: new Date(Date.now() - 10 * 60_000) })
    await issueOffersBatchWorkflow(getContainer()).run({ input: { run_id: run.id, limit: 1 } })
    expect((await offers.listOffers({ run_id: run.id, status: "issued" })).length).toBe(1)

    const finished = await runCampaignRun(getContainer(), run.id, { batchSize: 1 })
    expect(finished).toEqual(expect.objectContaining({ status: "succeeded", total: 3, processed: 3, issued: 3 }))
    const all = await offers.listOffers({ campaign_id: data.campaign.id })
    expect(who(all.map((o) => o.customer_id))).toEqual(["meera", "nisha", "omana"])
    expect(all.every((o) => o.status === "issued")).toBe(true)
    const keys = all.map((o) => `offer:${o.id}`)
    expect((await getContainer().resolve<MessagingModuleService>(MESSAGING_MODULE).listMessages({ idempotency_key: keys })).length).toBe(3)
  })

  it("undoes a batch that fails half-way: its promotions are deleted and its offers stay pending", async () => {
    process.env.OFFERS_PROMOTIONS = "on_issue"
    try {
      const { data } = await campaign({ name: "Fails", rules: { field: "tag", op: "includes", value: "camptest" } })
      const { run } = await startCampaignRun(getContainer(), data.campaign.id)
      const offers: OffersModuleService = getContainer().resolve(OFFERS_MODULE)
      // One offer of the batch is for a customer who does not exist: the messages step fails after the promotions were made.
      await offers.addPendingOffers({ id: run.id, campaign_id: data.campaign.id }, [
        { id: "offer_fail0", customer_id: ids.meera, occasion: "once", code: "FAIL-0", expires_at: null },
        { id: "offer_fail1", customer_id: "cus_gone", occasion: "once", code: "FAIL-1", expires_at: null },
      ])
      const { errors } = await issueOffersBatchWorkflow(getContainer()).run({ input: { run_id: run.id, limit: 10 }, throwOnError: false })
      expect(errors[0].error.message).toMatch(/cus_gone/)
      expect(await getContainer().resolve(Modules.PROMOTION).listPromotions({ code: ["FAIL-0", "FAIL-1"] })).toEqual([])
      expect((await offers.listOffers({ run_id: run.id })).map((o) => o.status)).toEqual(["pending", "pending"])
      expect((await offers.retrieveCampaignRun(run.id)).processed).toBe(0)

      // With the stray offer withdrawn, the run completes and issues the promotion with it.
      await offers.updateOffers({ id: "offer_fail1", status: "cancelled" })
      const finished = await runCampaignRun(getContainer(), run.id)
      expect(finished.status).toBe("succeeded")
      const [promotion] = await getContainer().resolve(Modules.PROMOTION).listPromotions({ code: "FAIL-0" }, { relations: ["rules", "rules.values", "campaign"] })
      expect(promotion).toEqual(expect.objectContaining({ limit: 1, campaign_id: data.campaign.promotion_campaign_id }))
      expect(promotion.rules!.map((r) => [r.attribute, r.values!.map((v) => v.value)])).toEqual([["customer.id", [ids.meera]]])
    } finally {
      delete process.env.OFFERS_PROMOTIONS
    }
  })

  it("runs the automatic campaigns it is allowed to: birthdays ahead and lapsed customers, once per occasion", async () => {
    const { data } = await api.get("/admin/offers/automatic", auth)
    expect(data.campaigns.map((c: { kind: string; enabled: boolean }) => [c.kind, c.enabled])).toEqual([
      ["birthday", false],
      ["anniversary", false],
      ["winback", false],
      ["tier_upgrade", false],
    ])
    const byKind = Object.fromEntries(data.campaigns.map((c: { kind: string; id: string }) => [c.kind, c.id]))
    expect(await runAutomaticCampaigns(getContainer())).toEqual([])

    const bad = await expectStatus(api.post(`/admin/offers/campaigns/${byKind.birthday}`, { days_ahead: 90 }, auth))
    expect(bad.status).toBe(400)
    await api.post(`/admin/offers/campaigns/${byKind.birthday}`, { enabled: true, days_ahead: 5, offer: { type: "making_percentage", value: 40 } }, auth)
    await api.post(`/admin/offers/campaigns/${byKind.winback}`, { enabled: true, lapsed_days: 180 }, auth)

    const runs = await runAutomaticCampaigns(getContainer())
    expect(runs.map((r) => r.status)).toEqual(["succeeded", "succeeded"])
    const birthday = await offersOf(byKind.birthday)
    expect(who(birthday.map((o) => o.customer_id))).toEqual(["meera"])
    expect(birthday[0].occasion).toMatch(/^birthday:20\d\d$/)
    expect(new Date(birthday[0].expires_at!).getTime()).toBeGreaterThan(Date.now() + 29 * DAY)
    // Demo customers lapse too; Nisha (200 days) is among them, Meera (never bought) is not.
    const winback = who((await offersOf(byKind.winback)).map((o) => o.customer_id))
    expect(winback).toContain("nisha")
    expect(winback).not.toContain("meera")

    // The next day's run finds the same birthday already served.
    const next = await runAutomaticCampaigns(getContainer(), new Date(Date.now() + DAY))
    expect(next.find((r) => r.campaign_id === byKind.birthday)).toEqual(expect.objectContaining({ issued: 0, skipped: 1 }))
    expect((await offersOf(byKind.birthday)).length).toBe(1)
  })

  it("congratulates a customer who reaches a higher tier, once per tier", async () => {
    const { data } = await api.get("/admin/offers/automatic", auth)
    const tier = data.campaigns.find((c: { kind: string }) => c.kind === "tier_upgrade")
    await api.post(`/admin/offers/campaigns/${tier.id}`, { enabled: true }, auth)
    const events = getContainer().resolve(Modules.EVENT_BUS)
    const change = { customer_id: ids.pooja, tier: "Gold", previous_tier: "Silver" }
    await events.emit([{ name: "loyalty.tier_changed", data: change }, { name: "loyalty.tier_changed", data: change }])
    await events.emit({ name: "loyalty.tier_changed", data: { customer_id: ids.omana, tier: "Silver", previous_tier: "Gold" } })
    await waitFor("the tier-upgrade offer", async () => (await offersOf(tier.id)).length)
    // Every delivery of the three events handled before counting.
    await eventsSettled(getContainer())
    const offers = await offersOf(tier.id)
    expect(offers.map((o) => [who([o.customer_id])[0], o.occasion, o.status])).toEqual([["pooja", "tier:gold", "issued"]])
  })

  it("withdraws a campaign: its unredeemed offers are cancelled", async () => {
    const { data } = await campaign({ name: "Withdrawn", rules: { field: "tag", op: "includes", value: "othertest" } })
    const started = await api.post(`/admin/offers/campaigns/${data.campaign.id}/run`, {}, auth)
    await finishedRun(api, auth, started.data.run.id)
    const { data: cancelled } = await api.post(`/admin/offers/campaigns/${data.campaign.id}/cancel`, {}, auth)
    expect([cancelled.campaign.status, cancelled.cancelled_offers]).toEqual(["cancelled", 1])
    expect((await offersOf(data.campaign.id)).map((o) => o.status)).toEqual(["cancelled"])
    expect((await expectStatus(api.post(`/admin/offers/campaigns/${data.campaign.id}/run`, {}, auth))).status).toBe(400)
    expect((await expectStatus(api.post("/admin/offers/campaigns/ocmp_nope/cancel", {}, auth))).status).toBe(404)
  })
}
