import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ShopSuite } from "../support/runner"
import { eventsSettled, waitFor } from "../support/wait"
import { shopToday } from "../../src/lib/occasions"
import { CRM_MODULE } from "../../src/modules/crm"
import type CrmModuleService from "../../src/modules/crm/service"
import { refreshCustomerStatsWorkflow } from "../../src/workflows/crm"
import { cartWithCoin, demoShop, expectStatus, ok, payAndComplete, type Headers } from "./helpers"

/** An ISO date `offset` days from the shop's today, `yearsAgo` years back. */
function dayFromToday(offset: number, yearsAgo: number) {
  const t = shopToday()
  const d = new Date(Date.UTC(t.year - yearsAgo, t.month - 1, t.day + offset))
  return d.toISOString().slice(0, 10)
}

export const crmActivitySuite: ShopSuite = ({ api, getContainer }) => {
  let auth: Headers
  let store: Headers
  let customerId: string
  beforeAll(async () => {
    ;({ auth, store } = await demoShop(getContainer(), api, { payAtStore: true }))
  })
  beforeEach(async () => {
    const { data } = await api.post(
      "/admin/crm/customers",
      { first_name: "Meera", last_name: "Iyer", phone: "9845012345", birthday: dayFromToday(3, 30), anniversary: dayFromToday(10, 5) },
      auth
    )
    customerId = data.customer.id
  })

  it("logs an interaction, and a follow-up date opens a task for the staff member", async () => {
    const due = new Date(Date.now() + 2 * 86_400_000).toISOString()
    const res = await api.post(
      `/admin/crm/customers/${customerId}/interactions`,
      { channel: "walk_in", kind: "enquiry", summary: "Looked at temple necklaces for her daughter's wedding", follow_up_at: due },
      auth
    )
    expect(res.status).toBe(201)
    expect(res.data.interaction).toEqual(expect.objectContaining({ customer_id: customerId, kind: "enquiry", user_id: expect.stringMatching(/^user_/) }))
    expect(res.data.follow_up_task).toEqual(
      expect.objectContaining({ status: "open", interaction_id: res.data.interaction.id, assignee_user_id: res.data.interaction.user_id })
    )
    expect(res.data.follow_up_task.title).toMatch(/^Follow up on the enquiry: Looked at temple necklaces/)

    const list = await api.get(`/admin/crm/customers/${customerId}/interactions`, auth)
    expect(list.data.count).toBe(1)
    const tasks = await api.get(`/admin/crm/tasks?assignee=${res.data.interaction.user_id}&status=open`, auth)
    expect(tasks.data.tasks.map((t: { id: string }) => t.id)).toContain(res.data.follow_up_task.id)
    expect(tasks.data.tasks[0].overdue).toBe(false)

    const done = await api.post(`/admin/crm/tasks/${res.data.follow_up_task.id}/complete`, { completion_note: "Called, visiting Saturday" }, auth)
    expect(done.data.task).toEqual(expect.objectContaining({ status: "done", completion_note: "Called, visiting Saturday" }))
    const again = await expectStatus(api.post(`/admin/crm/tasks/${res.data.follow_up_task.id}/complete`, {}, auth))
    expect(again.status).toBe(409)
    expect(again.data.message).toMatch(/already done/)
  })

  it("flags overdue tasks and filters by due date", async () => {
    await api.post(`/admin/crm/customers/${customerId}/interactions`, { channel: "call", kind: "repair", summary: "Chain clasp repair", follow_up_at: "2020-01-01T10:00:00Z" }, auth)
    const { data } = await api.get(`/admin/crm/tasks?due_before=${new Date().toISOString()}&status=open`, auth)
    expect(data.tasks).toHaveLength(1)
    expect(data.tasks[0].overdue).toBe(true)
  })

  it.each([
    ["an unknown channel", { channel: "pigeon", kind: "enquiry", summary: "x" }, 400, /channel/],
    ["an empty summary", { channel: "call", kind: "enquiry", summary: "" }, 400, /summary/],
    ["an unknown variant", { channel: "call", kind: "enquiry", summary: "x", products_of_interest: ["variant_nope"] }, 400, /Unknown product variants: variant_nope/],
    ["an unknown branch", { channel: "call", kind: "enquiry", summary: "x", branch_id: "br_nope" }, 400, /Unknown branch br_nope/],
  ])("refuses an interaction with %s", async (_label, body, status, message) => {
    const res = await expectStatus(api.post(`/admin/crm/customers/${customerId}/interactions`, body, auth))
    expect(res.status).toBe(status)
    expect(res.data.message).toMatch(message)
    const list = await api.get(`/admin/crm/customers/${customerId}/interactions`, auth)
    expect(list.data.count).toBe(0)
  })

  describe("with an idempotency_key", () => {
    const knex = () => getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    const count = async (sql: string, params: string[]) => Number((await knex().raw(sql, params)).rows[0].n)
    /** Interactions and follow-up tasks in the database: of the key, and of the customer. */
    const written = async (key: string, customer: string) => ({
      with_key: await count("select count(*) as n from interaction where idempotency_key = ?", [key]),
      interactions: await count("select count(*) as n from interaction where customer_id = ?", [customer]),
      tasks: await count("select count(*) as n from follow_up_task where customer_id = ?", [customer]),
    })
    const body = (key: string) => ({
      channel: "call",
      kind: "enquiry",
      summary: "Asked for a quote on a pair of jhumkas",
      follow_up_at: new Date(Date.now() + 86_400_000).toISOString(),
      idempotency_key: key,
    })

    it("answers a retry with the interaction the first attempt logged, and logs nothing again", async () => {
      const first = await ok(api.post(`/admin/crm/customers/${customerId}/interactions`, body("call-retry-0001"), auth))
      expect(first.status).toBe(201)
      expect(first.data.follow_up_task).toEqual(expect.objectContaining({ interaction_id: first.data.interaction.id }))

      const retry = await ok(api.post(`/admin/crm/customers/${customerId}/interactions`, body("call-retry-0001"), auth))
      expect(retry.status).toBe(201)
      expect(retry.data).toEqual(first.data)
      expect(await written("call-retry-0001", customerId)).toEqual({ with_key: 1, interactions: 1, tasks: 1 })
    })

    it("logs once when two attempts with one key arrive together", async () => {
      const url = `/admin/crm/customers/${customerId}/interactions`
      const [a, b] = await Promise.all([ok(api.post(url, body("call-race-0001"), auth)), ok(api.post(url, body("call-race-0001"), auth))])
      expect([a.status, b.status]).toEqual([201, 201])
      expect(b.data.interaction.id).toBe(a.data.interaction.id)
      expect(await written("call-race-0001", customerId)).toEqual({ with_key: 1, interactions: 1, tasks: 1 })
    })

    it("refuses the key of another customer's interaction with 409, logging nothing", async () => {
      await ok(api.post(`/admin/crm/customers/${customerId}/interactions`, body("call-other-0001"), auth))
      const { data } = await api.post("/admin/crm/customers", { first_name: "Kavya", last_name: "Nair", phone: "9845054321" }, auth)
      const res = await expectStatus(api.post(`/admin/crm/customers/${data.customer.id}/interactions`, body("call-other-0001"), auth))
      expect(res.status).toBe(409)
      expect(res.data.message).toBe('idempotency_key "call-other-0001" was already used for an interaction of another customer; use a new key for a new interaction')
      expect(await written("call-other-0001", data.customer.id)).toEqual({ with_key: 1, interactions: 0, tasks: 0 })
    })
  })

  it("answers 404 for interactions of an unknown customer and an unknown task", async () => {
    expect((await expectStatus(api.post("/admin/crm/customers/cus_nope/interactions", { channel: "call", kind: "enquiry", summary: "x" }, auth))).status).toBe(404)
    expect((await expectStatus(api.get("/admin/crm/customers/cus_nope/interactions", auth))).status).toBe(404)
    expect((await expectStatus(api.post("/admin/crm/tasks/task_nope/complete", {}, auth))).status).toBe(404)
  })

  it("lists birthdays and anniversaries coming up, soonest first", async () => {
    const week = await api.get("/admin/crm/upcoming?days=7", auth)
    const mine = week.data.occasions.filter((o: { customer: { id: string } }) => o.customer?.id === customerId)
    expect(mine).toEqual([expect.objectContaining({ kind: "birthday", in_days: 3, years: 30, phone: "+919845012345" })])
    const fortnight = await api.get("/admin/crm/upcoming?days=14", auth)
    expect(fortnight.data.occasions.filter((o: { customer: { id: string } }) => o.customer?.id === customerId).map((o: { kind: string }) => o.kind)).toEqual([
      "birthday",
      "anniversary",
    ])
    expect((await expectStatus(api.get("/admin/crm/upcoming?days=400", auth))).status).toBe(400)
  })

  it("turns a placed order into one purchase interaction, and the customer 360 shows the purchase", async () => {
    const { cartId, variantId } = await cartWithCoin(api, store)
    const { data: completed } = await payAndComplete(api, store, cartId)
    expect(completed.type).toBe("order")
    const order = completed.order

    const crm = getContainer().resolve<CrmModuleService>(CRM_MODULE)
    type Interaction = { customer_id: string; kind: string; order_id: string | null; channel: string; summary: string; branch_id: string | null; products_of_interest: string[] }
    await waitFor("the purchase interaction", async () => (await crm.listInteractions({ order_id: order.id })).length)
    await eventsSettled(getContainer())
    const interactions = (await crm.listInteractions({ order_id: order.id })) as Interaction[]
    expect(interactions).toHaveLength(1)
    expect(interactions[0]).toEqual(
      expect.objectContaining({ kind: "purchase", channel: "online", products_of_interest: [variantId], branch_id: expect.stringMatching(/^br_/) })
    )
    expect(interactions[0].summary).toMatch(new RegExp(`^Order #${order.display_id}: 24K Gold Coin`))
    // The same event again (a retry) adds nothing.
    await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: order.id } })
    await eventsSettled(getContainer())
    expect(await crm.listInteractions({ order_id: order.id })).toHaveLength(1)

    // The guest buyer got a customer (and a CRM profile) from Medusa's checkout.
    const timeline = await api.get(`/admin/crm/customers/${interactions[0].customer_id}/interactions`, auth)
    expect(timeline.data.interactions.map((i: { order_id: string }) => i.order_id)).toEqual([order.id])

    // Purchase aggregates follow the order events; the replay above counted nothing twice.
    const customerId = interactions[0].customer_id
    const stats = await waitFor("the customer's purchase aggregates", async () => {
      const rows = (await crm.listCustomerStats({ customer_id: customerId })) as { order_count: number }[]
      return rows.length ? rows : undefined
    })
    expect(stats.map((s) => s.order_count)).toEqual([1])
    // Refreshes of one customer take turns: side by side on a customer with no stats row yet, each would create one
    // (and all but the first fail on the unique customer_id).
    await crm.deleteCustomerStats(((await crm.listCustomerStats({ customer_id: customerId })) as { id: string }[]).map((s) => s.id))
    await Promise.all([1, 2, 3, 4].map(() => refreshCustomerStatsWorkflow(getContainer()).run({ input: [customerId] })))
    expect(((await crm.listCustomerStats({ customer_id: customerId })) as { order_count: number }[]).map((s) => s.order_count)).toEqual([1])

    // An open task, a done one, and a saved piece, for the sections below.
    const due = new Date("2026-12-24T05:30:00.000Z")
    const [task] = await crm.createFollowUpTasks([
      { customer_id: customerId, title: "Call about the coin's certificate", due_at: due },
      { customer_id: customerId, title: "Done already", due_at: due, status: "done" },
    ])
    await crm.createWishlistItems([{ customer_id: customerId, variant_id: variantId, note: "for Diwali" }])

    const { data: view } = await api.get(`/admin/crm/customers/${customerId}/360`, auth)
    expect(view.customer.email).toBe("kiran.rao@example.in")
    // The 360 reads the customer and the profile in one statement: the same fields and values as Medusa's own reads
    // (the query graph's), for this customer and for a demo customer with a birthday and an anniversary on the profile.
    const { rows: dated } = (await getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION).raw(
      `select l.customer_id from customer_customer_crm_customer_profile l join customer_profile p on p.id = l.customer_profile_id
        where l.deleted_at is null and p.birthday is not null and p.anniversary is not null order by l.customer_id limit 1`
    )) as { rows: { customer_id: string }[] }
    for (const id of [customerId, dated[0].customer_id]) {
      const head = (await api.get(`/admin/crm/customers/${id}/360?sections=`, auth)).data
      const core = (await api.get(`/admin/customers/${id}?fields=id,first_name,last_name,email,phone,created_at`, auth)).data.customer
      expect(head.customer).toEqual(core)
      expect(head.profile).toEqual((await api.get(`/admin/crm/customers/${id}/profile`, auth)).data.profile)
    }
    expect((await api.get(`/admin/crm/customers/${dated[0].customer_id}/360?sections=`, auth)).data.profile.birthday).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/)
    expect(view.purchases).toEqual(
      expect.objectContaining({
        order_count: 1,
        lifetime_value: order.total,
        average_order_value: order.total,
        favourite_metal: "gold",
        favourite_category: "coins-bars",
      })
    )
    expect(view.purchases.recent_orders[0].items).toEqual([expect.objectContaining({ variant_id: variantId, quantity: 1 })])
    expect(view.interactions.map((i: { kind: string; order_id: string }) => [i.kind, i.order_id])).toEqual([["purchase", order.id]])
    expect(view.interactions[0].occurred_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(view.open_tasks).toEqual([expect.objectContaining({ id: task.id, title: "Call about the coin's certificate", status: "open", due_at: due.toISOString() })])
    // Staff find the buyer from the tag on the piece.
    const byTag = await api.get("/admin/crm/customers?q=sgj-coin-24k-5g", auth)
    expect(byTag.data.customers.map((c: { id: string }) => c.id)).toEqual([customerId])
    // Sections contributed from src/customer-360/sections.
    expect(view.sections.wishlist).toEqual({
      title: "Wishlist",
      data: { count: 1, items: [expect.objectContaining({ variant_id: variantId, title: expect.stringMatching(/24K Gold Coin/), note: "for Diwali" })] },
    })
    expect(view.sections.loyalty.data).toEqual(expect.objectContaining({ customer_id: customerId, balance: expect.any(Number), history: expect.any(Array) }))
    expect(view.sections.messages.data).toEqual({ count: view.sections.messages.data.messages.length, messages: expect.any(Array) })
    expect((await expectStatus(api.get("/admin/crm/customers/cus_nope/360", auth))).status).toBe(404)
    // Only the sections asked for, or none; a section nobody has is named back.
    const only = (await api.get(`/admin/crm/customers/${customerId}/360?sections=wishlist,loyalty`, auth)).data
    expect([Object.keys(only.sections).sort(), only.sections.wishlist, only.purchases]).toEqual([["loyalty", "wishlist"], view.sections.wishlist, view.purchases])
    expect((await api.get(`/admin/crm/customers/${customerId}/360?sections=`, auth)).data.sections).toEqual({})
    const unknown = await expectStatus(api.get(`/admin/crm/customers/${customerId}/360?sections=wishlist,gossip`, auth))
    expect([unknown.status, unknown.data.message]).toEqual([400, expect.stringMatching(/^Unknown 360 section gossip; the sections are .*wishlist/)])
    expect((await expectStatus(api.get(`/admin/crm/customers/${customerId}/360?fields=*orders`, auth))).status).toBe(400)
  })
}
