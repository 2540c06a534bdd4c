import type { ShopSuite } from "../support/runner"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { CRM_MODULE } from "../../src/modules/crm"
import type CrmModuleService from "../../src/modules/crm/service"
import { eventsSettled } from "../support/wait"
import { demoShop, expectStatus, finishedRun, ok, salesStaffHeaders, signedInCustomer, type Headers } from "./helpers"
import { PREFERENCES_MODULE } from "../../src/modules/preferences"
import { OFFERS_MODULE } from "../../src/modules/offers"
import type OffersModuleService from "../../src/modules/offers/service"
import { MESSAGING_MODULE } from "../../src/modules/messaging"
import type MessagingModuleService from "../../src/modules/messaging/service"
import type PreferencesModuleService from "../../src/modules/preferences/service"
import { refreshCustomerPreferencesWorkflow, trainPreferenceModelWorkflow } from "../../src/workflows/preferences"
import { Modules } from "@medusajs/framework/utils"
import newArrivalCallsJob from "../../src/jobs/new-arrival-calls"
import { callTitle, SHARE_WEIGHTS } from "../../src/lib/preferences/new-arrivals"
import { readNewPieces } from "../../src/workflows/preferences/utils/new-pieces"
import { pgArray } from "../../src/lib/pg-array"
import { PROFILE_LINK_TABLE, VARIANT_JEWELRY_LINK_TABLE } from "../../src/lib/link-tables"
import { evaluateItems } from "../../src/lib/preferences/evaluate"
import { ensureDemoCustomers } from "../../src/scripts/demo-shop/seed-customers"
import { ensureDemoCancellations } from "../../src/scripts/demo-shop/seed-after-sale"
import { readCustomerData, readShopData, readShopInteractions, readShopItems } from "../../src/workflows/preferences/utils/shop-interactions"
import { refreshCustomerDesigns } from "../../src/lib/preferences/training"

/**
 * The preference model's data from the demo shop (docs/preferences.md): every piece an item of its design, every
 * paid bill's line a purchase (a cancelled bill's not), a wishlist entry and a piece named in an enquiry each a
 * sign of interest; and the evaluation runs on it with both baselines and the model.
 */
export const preferencesSuite: ShopSuite = ({ api, getContainer }) => {
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
    const { items, interactions } = await readShopData(getContainer())
    const evaluation = evaluateItems(items, interactions, { weeks: 26, k: 3 })
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

  it("trains the model, shows each customer's likely designs with why in the 360, and keeps the model before to roll back to", async () => {
    const { auth: owner, store }: { auth: Headers; store: Headers } = await demoShop(getContainer(), api)
    const preferences = getContainer().resolve<PreferencesModuleService>(PREFERENCES_MODULE)
    // A storefront customer who saved two pieces: their interest is all the model has of them.
    const { me } = await signedInCustomer(api, store, { email: "likes@example.in", password: "Likes-pass-1", first_name: "Meera" })
    const saved = (await readShopItems(getContainer())).filter((i) => i.category === "rings").slice(0, 2)
    for (const piece of saved) {
      await ok(api.post("/store/customers/me/wishlist", { variant_id: piece.item_id }, me))
    }
    const forYou = async (query = "") => (await ok(api.get(`/store/customers/me/recommendations${query}`, me))).data
    expect(await forYou()).toEqual({ model: null, designs: [] })
    const view = async (customerId: string) =>
      (await ok(api.get(`/admin/crm/customers/${customerId}/360`, owner))).data.sections.likely_to_buy as {
        title: string
        data: {
          model: { id: string } | null
          designs: { rank: number; design_id: string; title: string; reason: string; in_stock: { tag_code: string; branch_code: string; available: number }[] }[]
        }
      }
    const [buyer] = (await readShopInteractions(getContainer())).filter((i) => i.kind === "purchase")
    expect((await view(buyer.customer_id)).data).toEqual({ model: null, designs: [] })

    const { result: first } = await trainPreferenceModelWorkflow(getContainer()).run({ input: { weeks: 26 } })
    expect(first.evaluation?.rows.map((r) => r.model)).toEqual(["popularity", "attribute affinity", "preference model"])
    expect(first.recommendations).toBe(first.customers * Math.min(10, first.designs))
    const section = await view(buyer.customer_id)
    expect(section.title).toBe("Likely to buy")
    expect(section.data.model?.id).toBe(first.model_id)
    expect(section.data.designs.map((d) => d.rank)).toEqual([1, 2, 3, 4, 5])
    // Each design with its pieces in stock now, at most three, the customer's home branch first.
    const { rows: home } = await knex().raw(
      `select b.code from customer_profile p join ${PROFILE_LINK_TABLE} l on l.customer_profile_id = p.id
         join branch b on b.id = p.home_branch_id where l.customer_id = ?`,
      [buyer.customer_id]
    )
    for (const design of section.data.designs) {
      expect(design.in_stock.length).toBeLessThanOrEqual(3)
      for (const piece of design.in_stock) {
        expect(piece).toEqual({ tag_code: expect.any(String), branch_code: expect.stringMatching(/^[A-Z]{3}$/), available: expect.any(Number) })
        expect(piece.available).toBeGreaterThan(0)
      }
      if (home.length && design.in_stock.some((p) => p.branch_code === home[0].code)) {
        expect(design.in_stock[0].branch_code).toBe(home[0].code)
      }
    }
    expect(section.data.designs.some((d) => d.in_stock.length > 0)).toBe(true)
    for (const design of section.data.designs) {
      expect(design.title).not.toBe("")
      expect(design.reason).toMatch(/^(buys |bought by customers of like taste|gold|silver|platinum|\d+K|₹|under|above)/)
    }
    // On the storefront: the customer's designs with why and the products that carry them, as many as asked for.
    const recommended = await forYou("?limit=3")
    expect(recommended.model).toEqual({ trained_at: expect.any(String) })
    expect(recommended.designs.map((d: { rank: number }) => d.rank)).toEqual([1, 2, 3])
    for (const design of recommended.designs) {
      expect(design).toMatchObject({ design_id: expect.stringMatching(/^design:/), title: expect.any(String), reason: expect.any(String) })
      expect(design.products[0]).toMatchObject({ id: expect.stringMatching(/^prod_/), handle: expect.any(String) })
      for (const at of design.available_at) {
        expect(at).toEqual({ branch_code: expect.stringMatching(/^[A-Z]{3}$/), branch_name: expect.any(String), pieces: expect.any(Number) })
        expect(at.pieces).toBeGreaterThan(0)
      }
    }
    expect(recommended.designs.some((d: { available_at: unknown[] }) => d.available_at.length > 0)).toBe(true)
    // Rings saved, so rings first.
    expect(recommended.designs[0].reason).toMatch(/^buys rings/)
    expect((await expectStatus(api.get("/store/customers/me/recommendations?limit=11", me))).status).toBe(400)
    expect((await expectStatus(api.get("/store/customers/me/recommendations", store))).status).toBe(401)
    // A customer with no history yet: the model, nothing to say.
    const { rows: newcomer } = await knex().raw(`select id from customer where id not in (select customer_id from "order" where customer_id is not null) limit 1`)
    expect((await view(newcomer[0].id)).data).toEqual({ model: { id: first.model_id, trained_at: expect.any(String) }, designs: [] })

    // Segments select on the model's shares: those with at least a third of their interest in rings, as stored.
    const preview = async (rules: object) => (await ok(api.post("/admin/offers/segments/preview", { rules, limit: 100 }, owner))).data
    const { rows: ringLovers } = await knex().raw(
      `select distinct a.customer_id from customer_affinity a join customer_facts f on f.customer_id = a.customer_id and f.deleted_at is null
        where a.model_id = ? and a.attribute = 'category' and a.value = 'rings' and a.share >= 0.3`,
      [first.model_id]
    )
    expect(ringLovers.length).toBeGreaterThan(3)
    const rings = await preview({ field: "preference_match", op: "category", value: "Rings" })
    expect(rings.count).toBe(ringLovers.length)
    expect(rings.customers.map((c: { customer_id: string }) => c.customer_id).sort()).toEqual(ringLovers.map((r: { customer_id: string }) => r.customer_id).sort())
    expect((await preview({ field: "preference_match", op: "category", value: "rings", min_share: 1 })).count).toBeLessThanOrEqual(rings.count)
    const bad = await expectStatus(api.post("/admin/offers/segments/preview", { rules: { field: "preference_match", op: "category", value: "rings", min_share: 2 } }, owner))
    expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/min_share runs from 0.05 to 1/)])

    const { result: second } = await trainPreferenceModelWorkflow(getContainer()).run({ input: { weeks: 26 } })
    const { result: third } = await trainPreferenceModelWorkflow(getContainer()).run({ input: { weeks: 26 } })
    const statuses = Object.fromEntries((await preferences.listPreferenceModels({})).map((m) => [m.id, m.status]))
    expect(statuses).toEqual({ [first.model_id]: "retired", [second.model_id]: "previous", [third.model_id]: "current" })
    // The retired model's recommendations are gone; the previous one's kept, to roll back to.
    const count = async (model_id: string) => (await preferences.listCustomerRecommendations({ model_id }, { select: ["id"] })).length
    expect(await count(first.model_id)).toBe(0)
    expect(await preferences.listCustomerAffinities({ model_id: first.model_id }, { select: ["id"], take: 1 })).toEqual([])
    expect(await count(second.model_id)).toBe(second.recommendations)
    expect((await view(buyer.customer_id)).data.model?.id).toBe(third.model_id)
  })

  it("lists the models with their evaluation and rolls back to the previous one, and back again; only the owner may", async () => {
    const { auth: owner }: { auth: Headers } = await demoShop(getContainer(), api)
    const { result: first } = await trainPreferenceModelWorkflow(getContainer()).run({ input: { weeks: 26 } })
    const refused = await expectStatus(api.post("/admin/preferences/models/rollback", {}, owner))
    expect([refused.status, refused.data.message]).toEqual([409, "There is no previous preference model to roll back to"])
    const { result: second } = await trainPreferenceModelWorkflow(getContainer()).run({ input: { weeks: 26 } })

    const listed = (await ok(api.get("/admin/preferences/models", owner))).data
    expect(listed).toMatchObject({ count: 2, limit: 20, offset: 0 })
    expect(listed.models.map((m: { id: string; status: string }) => [m.id, m.status])).toEqual([
      [second.model_id, "current"],
      [first.model_id, "previous"],
    ])
    expect(listed.models[0]).toMatchObject({ customers: second.customers, parameters: { factors: 24, k: 10, weeks: 26 } })
    expect(listed.models[0].evaluation.rows).toHaveLength(3)

    const back = (await ok(api.post("/admin/preferences/models/rollback", { note: "Diwali week: keep last night's" }, owner))).data
    expect(back).toEqual({ current: first.model_id, previous: second.model_id })
    const { rows: buyer } = await knex().raw(`select customer_id from customer_recommendation where model_id = ? limit 1`, [first.model_id])
    const section = (await ok(api.get(`/admin/crm/customers/${buyer[0].customer_id}/360`, owner))).data.sections.likely_to_buy
    expect(section.data.model.id).toBe(first.model_id)
    expect((await ok(api.post("/admin/preferences/models/rollback", {}, owner))).data).toEqual({ current: second.model_id, previous: first.model_id })
    const { rows: audit } = await knex().raw(`select action, entity_id, metadata from audit_entry where entity = 'preference_model' order by created_at`)
    expect(audit.map((a: { entity_id: string }) => a.entity_id)).toEqual([first.model_id, second.model_id])
    expect(audit[0].metadata).toMatchObject({ replaced: second.model_id, note: "Diwali week: keep last night's" })

    const { rows: branches } = await knex().raw(`select id from branch where code = 'MUM'`)
    const seller = await salesStaffHeaders(getContainer(), api, "prefs.sales@example.in", branches[0].id)
    expect((await expectStatus(api.get("/admin/preferences/models", seller))).status).toBe(403)
    const manager = await salesStaffHeaders(getContainer(), api, "prefs.manager@example.in", branches[0].id, "branch_manager")
    expect((await ok(api.get("/admin/preferences/models", manager))).data.count).toBe(2)
    expect((await expectStatus(api.post("/admin/preferences/models/rollback", {}, manager))).status).toBe(403)
    const bad = await expectStatus(api.post("/admin/preferences/models/rollback", { model: "x" }, owner))
    expect(bad.status).toBe(400)
  })

  it("gives each branch the customers most likely to want the new pieces as follow-up tasks, once per list; and a piece's likely buyers", async () => {
    const { auth: owner }: { auth: Headers } = await demoShop(getContainer(), api)
    const crm = getContainer().resolve<CrmModuleService>(CRM_MODULE)
    const goldRings = (await readShopItems(getContainer())).filter((i) => i.category === "rings" && i.metal === "gold")
    const rings = (await readNewPieces(getContainer(), { variant_ids: goldRings.map((r) => r.item_id) })).slice(0, 2).map((p) => ({ item_id: p.variant_id, purity: p.purity }))
    expect(rings).toHaveLength(2)
    const make = (body: object) => api.post("/admin/preferences/new-arrivals", body, owner)
    const untrained = await ok(make({ idempotency_key: "NEW-ARRIVALS-0001", variant_ids: rings.map((r) => r.item_id) }))
    expect(untrained.status).toBe(201)
    expect(untrained.data.list).toMatchObject({ calls: [], note: expect.stringMatching(/No preference model is trained yet/) })

    const { result: model } = await trainPreferenceModelWorkflow(getContainer()).run({ input: { weeks: 26 } })
    // Each customer's score for a ring as the model's stored shares give it, worked out here in SQL.
    const { rows: scored } = await knex().raw(
      `select a.customer_id, sum(a.share * case a.attribute when 'category' then ?::real when 'metal' then ?::real when 'purity' then ?::real else ?::real end) as score
         from customer_affinity a
        where a.model_id = ? and ((a.attribute = 'category' and a.value = 'rings') or (a.attribute = 'metal' and a.value = 'gold')
              or (a.attribute = 'purity' and a.value = ?))
        group by a.customer_id order by 2 desc, 1`,
      [SHARE_WEIGHTS.category, SHARE_WEIGHTS.metal, SHARE_WEIGHTS.purity, SHARE_WEIGHTS.price_band, model.model_id, String(rings[0].purity)]
    )
    const tasksBefore = (await crm.listFollowUpTasks({}, { select: ["id"] })).length
    const made = await ok(make({ idempotency_key: "NEW-ARRIVALS-0002", variant_ids: [rings[0].item_id], per_branch: 5 }))
    expect(made.status).toBe(201)
    const list = made.data.list
    expect(list.pieces.map((p: { variant_id: string }) => p.variant_id)).toEqual([rings[0].item_id])
    expect(list.calls.length).toBeGreaterThan(0)
    const perBranch = new Map<string, number>()
    for (const call of list.calls) {
      perBranch.set(call.branch_id, (perBranch.get(call.branch_id) ?? 0) + 1)
      expect(call.variant_ids).toEqual([rings[0].item_id])
      // At least the ring's category and metal, give or take its price band.
      expect(call.score).toBeGreaterThanOrEqual(0.5)
      expect(Number(scored.find((r: { customer_id: string }) => r.customer_id === call.customer_id)?.score)).toBeGreaterThanOrEqual(call.score - 0.1 - 1e-6)
    }
    expect(Math.max(...perBranch.values())).toBeLessThanOrEqual(5)
    // The best-scored customer in SQL is called (scores from category, metal and purity alone, within the band's 0.1).
    const best = Number(scored[0].score)
    const topCalled = list.calls.reduce((a: { score: number }, b: { score: number }) => (b.score > a.score ? b : a))
    expect(topCalled.score).toBeGreaterThanOrEqual(best - 1e-6)
    // Each call a task on its branch's list, due tomorrow evening.
    const tasks = await crm.listFollowUpTasks({ id: list.calls.map((c: { task_id: string }) => c.task_id) })
    expect(tasks).toHaveLength(list.calls.length)
    for (const task of tasks) {
      const call = list.calls.find((c: { task_id: string }) => c.task_id === task.id)
      expect(task).toMatchObject({ customer_id: call.customer_id, branch_id: call.branch_id, status: "open", assignee_user_id: null })
      expect(task.title).toBe(callTitle(call))
      expect(new Date(task.due_at).getTime()).toBeGreaterThan(Date.now())
    }
    // The same key again: the same list, no second task.
    const again = await ok(make({ idempotency_key: "NEW-ARRIVALS-0002", variant_ids: [rings[0].item_id], per_branch: 5 }))
    expect([again.status, again.data.replayed, again.data.list.id]).toEqual([200, true, list.id])
    expect((await crm.listFollowUpTasks({}, { select: ["id"] })).length).toBe(tasksBefore + list.calls.length)

    // An offer to follow up the calls (the Preferences page's "Offer them by WhatsApp…"): a campaign whose audience is
    // the list; every customer it names gets one code, nobody else, and messages go only where they agreed to WhatsApp.
    const listRule = { field: "new_arrivals_list", op: "on", value: list.id }
    const called = [...new Set(list.calls.map((c: { customer_id: string }) => c.customer_id))].sort()
    expect((await ok(api.post("/admin/offers/segments/preview", { rules: listRule, limit: 1 }, owner))).data.count).toBe(called.length)
    expect((await ok(api.post("/admin/offers/segments/preview", { rules: { ...listRule, value: "narr_none" }, limit: 1 }, owner))).data.count).toBe(0)
    const refused = await expectStatus(api.post("/admin/offers/segments/preview", { rules: { ...listRule, value: list.calls[0].customer_id } }, owner))
    expect([refused.status, refused.data.message]).toEqual([400, expect.stringMatching(/new-arrivals list's id/)])
    const offer = await ok(
      api.post("/admin/offers/campaigns", { name: "New rings for you", rules: listRule, offer: { type: "making_percentage", value: 20 }, channel: "whatsapp" }, owner)
    )
    const started = await ok(api.post(`/admin/offers/campaigns/${offer.data.campaign.id}/run`, {}, owner))
    expect(await finishedRun(api, owner, started.data.run.id)).toMatchObject({ status: "succeeded", issued: called.length })
    const issued = await getContainer().resolve<OffersModuleService>(OFFERS_MODULE).listOffers({ campaign_id: offer.data.campaign.id })
    expect(issued.map((o) => o.customer_id).sort()).toEqual(called)
    const sent = await getContainer()
      .resolve<MessagingModuleService>(MESSAGING_MODULE)
      .listMessages({ id: issued.map((o) => o.message_id).filter((id): id is string => !!id) })
    for (const message of sent) {
      expect(message.channel).toBe("whatsapp")
      expect(message.status === "queued" || /consent/.test(message.reason ?? "")).toBe(true)
    }

    // A branch manager sees the calls of their branch only; sales staff see them as tasks, not the lists.
    const branchId = list.calls[0].branch_id as string
    const manager = await salesStaffHeaders(getContainer(), api, "arrivals.manager@example.in", branchId, "branch_manager")
    const seen = (await ok(api.get("/admin/preferences/new-arrivals", manager))).data
    expect(seen.count).toBe(2)
    const mine = seen.lists.find((l: { id: string }) => l.id === list.id)
    expect(mine.calls.map((c: { customer_id: string }) => c.customer_id)).toEqual(
      list.calls.filter((c: { branch_id: string }) => c.branch_id === branchId).map((c: { customer_id: string }) => c.customer_id)
    )
    const seller = await salesStaffHeaders(getContainer(), api, "arrivals.sales@example.in", branchId)
    expect((await expectStatus(api.get("/admin/preferences/new-arrivals", seller))).status).toBe(403)
    const sellersTasks = (await ok(api.get(`/admin/crm/tasks?customer_id=${mine.calls[0].customer_id}&limit=100`, seller))).data.tasks as { id: string }[]
    expect(sellersTasks.map((t) => t.id)).toContain(mine.calls[0].task_id)

    // The reverse: a piece's likely buyers, best first, with why.
    const buyers = (await ok(api.get(`/admin/preferences/pieces/${rings[0].item_id}/likely-buyers?limit=3`, manager))).data
    expect(buyers.model.id).toBe(model.model_id)
    expect(buyers.customers).toHaveLength(3)
    expect(buyers.customers[0]).toMatchObject({ customer_id: expect.stringMatching(/^cus_/), name: expect.any(String), reason: expect.stringMatching(/./) })
    expect(buyers.customers[0].score).toBeGreaterThanOrEqual(buyers.customers[2].score)
    expect(buyers.customers[0].score).toBeCloseTo(topCalled.score, 2)
    expect((await expectStatus(api.get("/admin/preferences/pieces/variant_nope/likely-buyers", owner))).status).toBe(404)

    // Pieces that came in since a moment: the two rings, taken in again now; every other piece two days ago.
    const since = new Date(Date.now() - 60_000).toISOString()
    await knex().raw(
      `update jewelry_attributes set created_at = case when id in (select jewelry_attributes_id from ${VARIANT_JEWELRY_LINK_TABLE} where product_variant_id = any(?::text[]))
                                                       then now() else now() - interval '2 days' end`,
      [pgArray(rings.map((r) => r.item_id))]
    )
    const window = (await ok(make({ idempotency_key: "NEW-ARRIVALS-0003", since }))).data.list
    expect(window.pieces.map((p: { variant_id: string }) => p.variant_id).sort()).toEqual(rings.map((r) => r.item_id).sort())
    expect(window.since).toBe(since)
    for (const [body, message] of [
      [{ idempotency_key: "NEW-ARRIVALS-0004" }, /Give either variant_ids or since/],
      [{ idempotency_key: "NEW-ARRIVALS-0004", since, variant_ids: [rings[0].item_id] }, /Give either variant_ids or since/],
      [{ idempotency_key: "NEW-ARRIVALS-0004", since: "yesterday" }, /since is a date and time/],
      [{ idempotency_key: "NEW-ARRIVALS-0004", since, until: new Date(Date.now() - 3_600_000).toISOString() }, /since must be before until/],
      [{ idempotency_key: "NEW-ARRIVALS-0004", variant_ids: [rings[0].item_id], min_score: 0 }, /min_score.*0.05/],
      [{ idempotency_key: "x", variant_ids: [rings[0].item_id] }, /idempotency_key.*8/],
    ] as const) {
      const res = await expectStatus(make(body))
      expect([res.status, res.data.message]).toEqual([400, expect.stringMatching(message)])
    }

    // The morning's list: the pieces of the last day, once a day.
    await newArrivalCallsJob(getContainer())
    await newArrivalCallsJob(getContainer())
    const daily = await getContainer().resolve<PreferencesModuleService>(PREFERENCES_MODULE).listNewArrivalLists({ key: { $like: "daily:%" } })
    expect(daily).toHaveLength(1)
    expect((daily[0].pieces as unknown as { variant_id: string }[]).map((p) => p.variant_id).sort()).toEqual(rings.map((r) => r.item_id).sort())
  })

  it("brings a customer's tastes and top designs up to date when they buy, before the next training", async () => {
    const { result: model } = await trainPreferenceModelWorkflow(getContainer()).run({ input: { weeks: 26 } })
    const preferences = getContainer().resolve<PreferencesModuleService>(PREFERENCES_MODULE)
    const shares = async (customer_id: string) =>
      Object.fromEntries(
        (await preferences.listCustomerAffinities({ model_id: model.model_id, customer_id })).map((a) => [`${a.attribute}:${a.value}`, Math.round(a.share * 1000) / 1000])
      )
    const { rows: buyers } = await knex().raw(
      `select customer_id from customer_affinity where model_id = ? and attribute = 'category' and value = 'rings' and share = 1 order by customer_id limit 1`,
      [model.model_id]
    )
    const customer = buyers[0].customer_id as string
    const night = await shares(customer)
    expect(night["category:rings"]).toBe(1)
    const designs = async (customer_id: string) =>
      (await preferences.listCustomerRecommendations({ model_id: model.model_id, customer_id }, { order: { rank: "ASC" } })).map((r) => [r.design_id, r.reason, r.score.toFixed(4)])
    const nightDesigns = await designs(customer)
    // Ten, or every design when the demo shop has fewer.
    const top = Math.min(10, model.designs)
    expect(nightDesigns.length).toBe(top)
    expect((await preferences.modelDesigns(model.model_id)).length).toBe(model.designs)
    const othersCount = async () =>
      (await knex().raw(`select count(*)::int as n from customer_affinity where model_id = ? and customer_id <> ?`, [model.model_id, customer])).rows[0].n as number
    const othersBefore = await othersCount()
    // Something else caught their eye: a piece of another category on their wishlist.
    const other = (await readShopItems(getContainer())).find((i) => i.category !== "rings")!
    await getContainer().resolve<CrmModuleService>(CRM_MODULE).createWishlistItems({ customer_id: customer, variant_id: other.item_id })
    const { result } = await refreshCustomerPreferencesWorkflow(getContainer()).run({ input: { customer_id: customer } })
    expect(result.model_id).toBe(model.model_id)
    const now = await shares(customer)
    expect(now[`category:${other.category}`]).toBeGreaterThan(0)
    expect(now["category:rings"]).toBeLessThan(1)
    expect(result.shares).toBe(Object.keys(now).length)
    // Their top designs too, as the model's stored designs and their interest now give them (folded in).
    const nowDesigns = await designs(customer)
    expect(result.designs).toBe(top)
    expect(nowDesigns).not.toEqual(nightDesigns)
    const { items: theirItems, interactions: theirs } = await readCustomerData(getContainer(), customer)
    const { parameters } = await preferences.retrievePreferenceModel(model.model_id)
    const expected = refreshCustomerDesigns(await preferences.modelDesigns(model.model_id), parameters as object, theirItems, theirs, customer, new Date())
    expect(nowDesigns.map(([d, reason]) => [d, reason])).toEqual(expected.map((r) => [r.design_id, r.reason]))
    // Only theirs changed.
    expect(await othersCount()).toBe(othersBefore)

    // A placed order sets it off: their shares, removed here, come back as their interest says.
    const { rows: orders } = await knex().raw(`select id from "order" where customer_id = ? and deleted_at is null limit 1`, [customer])
    await knex().raw(`delete from customer_affinity where model_id = ? and customer_id = ?`, [model.model_id, customer])
    await knex().raw(`delete from customer_recommendation where model_id = ? and customer_id = ?`, [model.model_id, customer])
    await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: orders[0].id } })
    await eventsSettled(getContainer())
    expect(await shares(customer)).toEqual(now)
    expect(await designs(customer)).toEqual(nowDesigns)
  })
}
