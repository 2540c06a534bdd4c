import { createHmac } from "node:crypto"
import type { ShopSuite } from "../support/runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { isAllowed, ROUTE_RULES, ruleFor, STAFF_ROLES, type StaffRole } from "../../src/lib/access-matrix"
import { BRANCH_MODULE } from "../../src/modules/branch"
import type BranchModuleService from "../../src/modules/branch/service"
import { CRM_MODULE } from "../../src/modules/crm"
import type CrmModuleService from "../../src/modules/crm/service"
import { createStaffUser } from "../../src/scripts/demo-shop/seed-staff"
import { rawRequest } from "../support/raw-request"
import { listMedusaRouteFiles, listRouteFiles } from "../support/route-files"
import { demoShop, expectStatus, type Headers } from "./helpers"

const PASSWORD = "Staff-password-1"

/** Medusa's own routes checked beside ours: reading is open to the staff, changing follows the matrix. */
const CORE_SAMPLES: [string, string][] = [
  ["GET", "/admin/users/me"],
  ["GET", "/admin/products"],
  ["POST", "/admin/products"],
  ["GET", "/admin/orders"],
  ["POST", "/admin/price-lists"],
  ["POST", "/admin/regions"],
  ["POST", "/admin/users/does_not_exist"],
  ["POST", "/admin/payments/does_not_exist/refund"],
  ["POST", "/admin/customers"],
]

export const accessMatrixSuite: ShopSuite = ({ api, getContainer }) => {
  const as: Record<StaffRole, Headers> = {} as Record<StaffRole, Headers>
  const userIds: Record<string, string> = {}
  let branchIds: Record<string, string>
  let storeKey: Headers

  async function staffLogin(email: string, role: StaffRole, branches: string[]) {
    const userId = await createStaffUser(getContainer(), { email, password: PASSWORD, first_name: role, last_name: "Test", role, branch_ids: branches })
    const { data } = await api.post("/auth/user/emailpass", { email, password: PASSWORD })
    userIds[role] = userId!
    return { headers: { authorization: `Bearer ${data.token}` } }
  }

  beforeAll(async () => {
    const shop = await demoShop(getContainer(), api)
    as.owner = shop.auth
    storeKey = shop.store
    const branches = await getContainer().resolve<BranchModuleService>(BRANCH_MODULE).listBranches({}, { select: ["id", "code"] })
    branchIds = Object.fromEntries(branches.map((b) => [b.code, b.id]))
    as.branch_manager = await staffLogin("manager@example.in", "branch_manager", [branchIds.MUM])
    as.sales_staff = await staffLogin("sales.pune@example.in", "sales_staff", [branchIds.PUN])
    as.accountant = await staffLogin("accounts@example.in", "accountant", [])
    as.auditor = await staffLogin("auditor@example.in", "auditor", [])
  })

  const concrete = (path: string) => path.replace(/:[a-z_]+/g, "does_not_exist")

  async function call(method: string, path: string, headers: Headers) {
    const url = concrete(path)
    const m = method.toLowerCase() as "get" | "post" | "delete"
    // An empty list as body: the validators refuse it, so an allowed request changes nothing.
    return m === "get" || m === "delete" ? expectStatus(api[m](url, headers)) : expectStatus(api.post(url, [], headers))
  }

  it("answers every role × every listed route as the matrix says (403 with a message when denied)", async () => {
    const wrong: string[] = []
    for (const rule of [...ROUTE_RULES, ...CORE_SAMPLES.map(([method, path]) => ruleFor(method, path))]) {
      for (const role of STAFF_ROLES) {
        const res = await call(rule.method, rule.path, as[role])
        const allowed = isAllowed(role, rule.resource, rule.action)
        const denied = res.status === 403 && typeof res.data?.message === "string" && res.data.message.length > 0
        if (allowed === denied) {
          wrong.push(`${role} ${rule.method} ${rule.path}: expected ${allowed ? "allowed" : "403"}, got ${res.status} ${JSON.stringify(res.data).slice(0, 120)}`)
        }
      }
    }
    expect(wrong).toEqual([])
  })

  it("refuses staff routes without a login", async () => {
    const res = await expectStatus(api.get("/admin/crm/customers"))
    expect(res.status).toBe(401)
  })

  it("takes only sign-in and invitation tokens signed HS256 with the server's secret: none unsigned, none with another secret or algorithm", async () => {
    const [, payload] = as.owner.headers.authorization.slice("Bearer ".length).split(".")
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url")
    const signed = (alg: "HS256" | "HS512", secret: string) => {
      const unsigned = `${encode({ alg, typ: "JWT" })}.${payload}`
      return `${unsigned}.${createHmac(alg === "HS256" ? "sha256" : "sha512", secret).update(unsigned).digest("base64url")}`
    }
    const asToken = async (token: string) => (await expectStatus(api.get("/admin/crm/customers?limit=1", { headers: { authorization: `Bearer ${token}` } }))).status
    const secret = process.env.JWT_SECRET!
    expect([
      await asToken(signed("HS256", secret)),
      await asToken(`${encode({ alg: "none", typ: "JWT" })}.${payload}.`),
      await asToken(signed("HS256", "supersecret")),
      await asToken(signed("HS512", secret)),
    ]).toEqual([200, 401, 401, 401])
    // Medusa's user module checks invitation tokens with the same key: an invitation made now is taken, a forged one not.
    const users = getContainer().resolve(Modules.USER)
    const [invite] = await users.createInvites([{ email: "new.staff@example.in" }])
    expect((await users.validateInviteToken(invite.token)).id).toBe(invite.id)
    const [head, body] = invite.token.split(".")
    const forged = `${head}.${body}.${createHmac("sha256", "supersecret").update(`${head}.${body}`).digest("base64url")}`
    await expect(users.validateInviteToken(forged)).rejects.toThrow()
  })

  it("shows a Pune salesperson Pune's orders, tasks and counter sales only", async () => {
    const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const { data: branches } = await query.graph({ entity: "branch", fields: ["id", "code", "sales_channel.id"] })
    const channelOf = (code: string) => (branches as { code: string; sales_channel?: { id: string } }[]).find((b) => b.code === code)!.sales_channel!.id
    const puneChannel = channelOf("PUN")
    await getContainer()
      .resolve(Modules.ORDER)
      .createOrders(
        ["PUN", "PUN", "MUM", "BLR"].map((code, i) => ({ currency_code: "inr", email: `buyer${i}@example.in`, sales_channel_id: channelOf(code), items: [] }))
      )

    const all = await api.get("/admin/orders?fields=id,sales_channel_id&limit=200", as.owner)
    const pune = await api.get("/admin/orders?fields=id,sales_channel_id&limit=200", as.sales_staff)
    expect(pune.data.orders.length).toBeGreaterThan(0)
    expect(all.data.count).toBeGreaterThan(pune.data.count)
    expect(new Set(pune.data.orders.map((o: { sales_channel_id: string }) => o.sales_channel_id))).toEqual(new Set([puneChannel]))
    // Asking for another branch's channel gives nothing rather than that branch.
    const otherChannel = all.data.orders.find((o: { sales_channel_id: string }) => o.sales_channel_id !== puneChannel).sales_channel_id
    const other = await api.get(`/admin/orders?fields=id&sales_channel_id[]=${otherChannel}`, as.sales_staff)
    expect(other.data.orders).toEqual([])
    const foreign = all.data.orders.find((o: { sales_channel_id: string }) => o.sales_channel_id !== puneChannel).id
    expect((await expectStatus(api.get(`/admin/orders/${foreign}`, as.sales_staff))).status).toBe(404)
    expect((await api.get(`/admin/orders/${foreign}`, as.owner)).status).toBe(200)

    const crm = getContainer().resolve<CrmModuleService>(CRM_MODULE)
    const { data: created } = await api.post("/admin/crm/customers", { first_name: "Savita", phone: "98200 55511" }, as.owner)
    const customer = created.customer as { id: string }
    const due = new Date(Date.now() + 86_400_000)
    await crm.createFollowUpTasks([
      { customer_id: customer.id, title: "Pune: show the new mangalsutra", due_at: due, branch_id: branchIds.PUN },
      { customer_id: customer.id, title: "Mumbai: call about the bangle repair", due_at: due, branch_id: branchIds.MUM },
    ])
    const titles = async (headers: Headers) =>
      (await api.get(`/admin/crm/tasks?customer_id=${customer.id}`, headers)).data.tasks.map((t: { title: string }) => t.title).sort()
    expect(await titles(as.sales_staff)).toEqual(["Pune: show the new mangalsutra"])
    expect(await titles(as.branch_manager)).toEqual(["Mumbai: call about the bangle repair"])
    expect(await titles(as.owner)).toEqual(["Mumbai: call about the bangle repair", "Pune: show the new mangalsutra"])

    await crm.createInteractions([
      { customer_id: customer.id, branch_id: branchIds.PUN, channel: "walk_in", kind: "enquiry", summary: "Pune walk-in", occurred_at: new Date() },
      { customer_id: customer.id, branch_id: branchIds.MUM, channel: "call", kind: "enquiry", summary: "Mumbai call", occurred_at: new Date() },
    ])
    const summaries = async (headers: Headers) =>
      (await api.get(`/admin/crm/customers/${customer.id}/interactions?limit=100`, headers)).data.interactions.map((i: { summary: string }) => i.summary)
    expect(await summaries(as.sales_staff)).toContain("Pune walk-in")
    expect(await summaries(as.sales_staff)).not.toContain("Mumbai call")
    expect(await summaries(as.owner)).toEqual(expect.arrayContaining(["Pune walk-in", "Mumbai call"]))

    const sales = await api.get(`/admin/pos/orders?branch_id=${branchIds.MUM}`, as.sales_staff)
    expect(sales.data.sales).toEqual([])
    const sell = await expectStatus(
      api.post("/admin/pos/orders", { idempotency_key: "access-test-1", branch_id: branchIds.MUM, customer_id: customer.id, items: [{ tag_code: "X" }], tenders: [{ kind: "cash", amount: 1 }] }, as.sales_staff)
    )
    expect([sell.status, sell.data.message]).toEqual([400, expect.stringMatching(/another branch; you act at your own branches only/)])
  })

  it("lets a branch manager change stock and run campaigns at their own branch only", async () => {
    const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const { data: branches } = await query.graph({ entity: "branch", fields: ["id", "code", "stock_location.id"] })
    const locationOf = (code: string) => (branches as { code: string; stock_location?: { id: string } }[]).find((b) => b.code === code)!.stock_location!.id
    // Coins, sold by count: a piece's stock is never raised by this route (src/lib/piece-stock.ts).
    const [coins] = await getContainer().resolve(Modules.INVENTORY).listInventoryItems({ sku: "COIN-24K-5G" })
    const [level] = await getContainer().resolve(Modules.INVENTORY).listInventoryLevels({ location_id: locationOf("PUN"), inventory_item_id: coins.id })
    const url = (code: string) => `/admin/inventory-items/${level.inventory_item_id}/location-levels/${locationOf(code)}`
    const foreign = await expectStatus(api.post(url("PUN"), { stocked_quantity: 99 }, as.branch_manager))
    expect([foreign.status, foreign.data.message]).toEqual([400, expect.stringMatching(/another branch/)])
    const [after] = await getContainer().resolve(Modules.INVENTORY).listInventoryLevels({ id: level.id })
    expect(after.stocked_quantity).toBe(level.stocked_quantity)
    expect((await expectStatus(api.post(url("MUM"), { stocked_quantity: 7 }, as.branch_manager))).status).toBe(200)
    expect((await expectStatus(api.post(url("MUM"), { stocked_quantity: 7 }, as.sales_staff))).status).toBe(403)

    const levels = await api.get(`/admin/inventory-items/${level.inventory_item_id}/location-levels`, as.branch_manager)
    expect(levels.data.inventory_levels.map((l: { location_id: string }) => l.location_id)).toEqual([locationOf("MUM")])

    const campaign = (branch: string | null) =>
      api.post(
        "/admin/offers/campaigns",
        {
          name: `Diwali ${branch ?? "shop"}`,
          rules: { field: "tag", op: "includes", value: "nobody-has-this-tag" },
          branch_id: branch,
          offer: { type: "fixed", value: 1000 },
        },
        as.owner
      )
    const pune = await expectStatus(campaign(branchIds.PUN))
    expect(pune.status).toBe(201)
    const run = await expectStatus(api.post(`/admin/offers/campaigns/${pune.data.campaign.id}/run`, {}, as.branch_manager))
    expect([run.status, run.data.message]).toEqual([400, expect.stringMatching(/another branch/)])
  })

  it("keeps every route that names another branch's record to that branch's staff, Medusa's own included", async () => {
    const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const { data: branches } = await query.graph({ entity: "branch", fields: ["id", "code", "sales_channel.id"] })
    const channelOf = (code: string) => (branches as { code: string; sales_channel?: { id: string } }[]).find((b) => b.code === code)!.sales_channel!.id
    // createOrders answers in no set order: each order is found by its email.
    const scopeOrders = await getContainer()
      .resolve(Modules.ORDER)
      .createOrders(["MUM", "PUN"].map((code) => ({ currency_code: "inr", email: `scope-${code}@example.in`, sales_channel_id: channelOf(code), items: [] })))
    const [mumbai, pune] = ["MUM", "PUN"].map((code) => scopeOrders.find((o) => o.email === `scope-${code}@example.in`)!)
    const asPune = (method: "get" | "post", url: string, body?: unknown) =>
      expectStatus(method === "get" ? api.get(url, as.sales_staff) : api.post(url, body ?? {}, as.sales_staff))

    for (const [method, url] of [
      ["get", `/admin/orders/${mumbai.id}`],
      ["get", `/admin/orders/${mumbai.id}/invoice`],
      ["get", `/admin/orders/${mumbai.id}/changes`],
      ["post", `/admin/orders/${mumbai.id}/cancel`],
      ["post", `/admin/orders/${mumbai.id}/complete`],
      ["get", `/admin/order-edits/${mumbai.id}`],
      ["get", `/admin/ORDERS/${mumbai.id}/`],
    ] as const) {
      const res = await asPune(method, url)
      expect([method, url, res.status, res.data.message]).toEqual([method, url, 404, `"${mumbai.id}" was not found at your branches`])
    }
    const [order] = await getContainer().resolve(Modules.ORDER).listOrders({ id: mumbai.id }, { select: ["id", "status"] })
    expect(order.status).not.toBe("canceled")
    expect((await asPune("get", `/admin/orders/${pune.id}/changes`)).status).toBe(200)

    const exported = await asPune("post", "/admin/orders/export")
    expect([exported.status, exported.data.message]).toEqual([400, "An export of every order covers the whole shop; ask the owner"])
    const newReturn = await asPune("post", "/admin/returns", { order_id: mumbai.id })
    expect([newReturn.status, newReturn.data.message]).toEqual([400, expect.stringMatching(/^Order ".*" belongs to another branch/)])
    const returns = await asPune("get", "/admin/returns")
    expect([returns.status, returns.data.message]).toEqual([400, expect.stringMatching(/^Give order_id/)])
    expect((await asPune("get", `/admin/returns?order_id=${mumbai.id}`)).data.returns).toEqual([])

    // The Mumbai manager and a Pune order's payment links.
    const link = await expectStatus(api.post("/admin/payments/links", { order_id: pune.id }, as.branch_manager))
    expect([link.status, link.data.message]).toEqual([400, expect.stringMatching(/^Order ".*" belongs to another branch/)])
    expect((await expectStatus(api.get("/admin/payments/links", as.branch_manager))).status).toBe(400)
    expect((await api.get(`/admin/payments/links?order_id=${pune.id}`, as.branch_manager)).data.payment_links).toEqual([])

    const redeem = await asPune("post", `/admin/loyalty/customers/cus_any/redeem`, { points: 1, idempotency_key: "SCOPE-RDM-1", order_id: mumbai.id })
    expect([redeem.status, redeem.data.message]).toEqual([404, `Order "${mumbai.id}" was not found at your branches`])

    const crm = getContainer().resolve<CrmModuleService>(CRM_MODULE)
    const { data: created } = await api.post("/admin/crm/customers", { first_name: "Scope", phone: "98200 55522" }, as.owner)
    const [task] = await crm.createFollowUpTasks([{ customer_id: created.customer.id, title: "Mumbai only", due_at: new Date(), branch_id: branchIds.MUM }])
    expect((await asPune("post", `/admin/crm/tasks/${task.id}/complete`, {})).status).toBe(404)
    expect((await crm.listFollowUpTasks({ id: task.id }))[0].status).toBe("open")

    // A branch manager publishes rates for their own branch only.
    const rate = (branch_id: string | null) =>
      expectStatus(api.post("/admin/metal-rates", { rates: [{ metal: "gold", purity: 916, rate_per_g: 6000, branch_id }] }, as.branch_manager))
    expect(await rate(null)).toEqual(expect.objectContaining({ status: 400, data: expect.objectContaining({ message: expect.stringMatching(/for the whole shop; ask the owner/) }) }))
    expect(await rate(branchIds.PUN)).toEqual(expect.objectContaining({ status: 400, data: expect.objectContaining({ message: expect.stringMatching(/is not one of yours/) }) }))
  })

  it("shows the full PAN only to roles that may see it; the profile keeps it masked for everyone", async () => {
    const created = await api.post("/admin/crm/customers", { first_name: "Farah", phone: "98200 77777", pan: "fghij5678k" }, as.sales_staff)
    const id = created.data.customer.id
    expect(created.data.profile.pan_masked).toBe("FGHIJ****K")
    for (const role of STAFF_ROLES) {
      const res = await expectStatus(api.get(`/admin/crm/customers/${id}/pan`, as[role]))
      const mayReveal = role === "owner" || role === "branch_manager" || role === "accountant"
      expect([role, res.status, res.data.pan]).toEqual([role, mayReveal ? 200 : 403, mayReveal ? "FGHIJ5678K" : undefined])
      const profile = await api.get(`/admin/crm/customers/${id}/profile`, as[role])
      expect(JSON.stringify(profile.data)).not.toContain("FGHIJ5678K")
    }
  })

  it("lets only the owner hand out roles, keeps an owner and refuses bad assignments with a message", async () => {
    const target = userIds.auditor
    expect((await expectStatus(api.post(`/admin/staff/${target}`, { role: "accountant" }, as.branch_manager))).status).toBe(403)
    const ok = await api.post(`/admin/staff/${target}`, { role: "sales_staff", branch_ids: [branchIds.BLR] }, as.owner)
    expect(ok.data.staff_access).toEqual(expect.objectContaining({ role: "sales_staff", branch_ids: [branchIds.BLR] }))
    const me = await api.get("/admin/staff/me", as.auditor)
    expect(me.data).toEqual(expect.objectContaining({ role: "sales_staff", branch_ids: [branchIds.BLR], branch_scoped: true }))
    expect(me.data.permissions.metal_rates).toEqual(["read"])

    const cases: [unknown, RegExp, number][] = [
      [{ role: "emperor" }, /role/, 400],
      [{ role: "sales_staff" }, /at least one branch/, 400],
      [{ role: "accountant", branch_ids: ["br_nope"] }, /Unknown branch "br_nope"/, 400],
      [{ role: "accountant", extra: true }, /extra/, 400],
    ]
    for (const [body, message, status] of cases) {
      const res = await expectStatus(api.post(`/admin/staff/${target}`, body, as.owner))
      expect([res.status, res.data.message]).toEqual([status, expect.stringMatching(message)])
    }
    const ownerId = (await api.get("/admin/users/me", as.owner)).data.user.id
    const demote = await expectStatus(api.post(`/admin/staff/${ownerId}`, { role: "accountant" }, as.owner))
    expect([demote.status, demote.data.message]).toEqual([400, expect.stringMatching(/needs an owner/)])
    const missing = await expectStatus(api.post("/admin/staff/user_nope", { role: "accountant" }, as.owner))
    expect(missing.status).toBe(404)

    const list = await api.get("/admin/staff?limit=2&offset=0", as.owner)
    expect(list.data.count).toBeGreaterThanOrEqual(5)
    expect(list.data.staff).toHaveLength(2)
    expect((await expectStatus(api.get("/admin/staff?limit=0", as.owner))).status).toBe(400)
  })

  describe("any spelling of a route gets the answer of its plain spelling, or 404", () => {
    /** Every route served, ours and Medusa's, with its parameters filled in. */
    const routes = [...listRouteFiles(), ...listMedusaRouteFiles()].map((r) => ({
      method: r.method,
      path: r.path,
      url: r.path
        .replace(/^\/auth\/:actor_type\/:auth_provider/, "/auth/user/emailpass")
        .replace(/^\/auth\/:auth_provider/, "/auth/emailpass")
        .replace(/^\/hooks\/payment\/:provider/, "/hooks/payment/razorpay_razorpay")
        .replace(/:[a-z_]+/g, "does_not_exist"),
    }))
    /** The route's static segments in capitals; parameters keep their value (Express matches only static segments without regard to case). */
    const upper = (route: { path: string; url: string }) => {
      const pattern = route.path.split("/")
      return route.url
        .split("/")
        .map((s, i) => (pattern[i]?.startsWith(":") ? s : s.toUpperCase()))
        .join("/")
    }
    /** The last static segment's first letter as a percent escape. */
    const escaped = (url: string) => {
      const parts = url.split("/")
      const i = parts.map((s, n) => (s !== "does_not_exist" && /^[a-z]/i.test(s) ? n : -1)).filter((n) => n > 0).pop()!
      parts[i] = `%${parts[i].charCodeAt(0).toString(16)}${parts[i].slice(1)}`
      return parts.join("/")
    }
    const headersFor = (url: string, role: StaffRole) => ({ headers: { ...(/^\/store/i.test(url) ? storeKey.headers : {}), ...as[role].headers } })

    async function send(method: string, url: string, role: StaffRole) {
      // An empty list as body: validators refuse it, so an allowed request changes nothing.
      try {
        const res = await rawRequest(api.defaults.baseURL!, method, url, { ...headersFor(url, role), body: method === "GET" || method === "DELETE" ? undefined : [] })
        return res.status
      } catch (err) {
        return `no answer (${(err as Error).message})`
      }
    }

    /** Runs `work` over `items`, a few at a time (the server answers them in parallel). */
    async function inParallel<T>(items: T[], work: (item: T) => Promise<void>, width = 6) {
      let next = 0
      await Promise.all(Array.from({ length: width }, async () => {
        while (next < items.length) {
          await work(items[next++])
        }
      }))
    }

    // Every route as the most restricted role (where a bypass would show as anything but 403); the roles'
    // decisions on every spelling are compared in the access-matrix unit test.
    it(`answers letter case and a trailing slash as the plain path (${routes.length} routes)`, async () => {
      const differ: string[] = []
      await inParallel(routes, async (route) => {
        const plain = await send(route.method, route.url, "sales_staff")
        if (typeof plain !== "number" || plain >= 500) {
          differ.push(`${route.method} ${route.url}: ${plain} (an unknown id or a refused body must be a 4xx)`)
        }
        for (const spelling of [upper(route), `${route.url}/`]) {
          const status = await send(route.method, spelling, "sales_staff")
          if (status !== plain && status !== 404) {
            differ.push(`${route.method} ${spelling}: ${status}, plain ${route.url}: ${plain}`)
          }
        }
      })
      expect(differ.sort()).toEqual([])
    }, 600_000)

    it("answers escaped letters, doubled slashes and dot segments 404 before any route", async () => {
      const wrong: string[] = []
      await inParallel(routes, async (route) => {
        const [, namespace, ...rest] = route.url.split("/")
        const spellings = [escaped(route.url), `/${namespace}//${rest.join("/")}`, `/${namespace}/x/../${rest.join("/")}`, `/${namespace}/./${rest.join("/")}`]
        for (const spelling of spellings) {
          const status = await send(route.method, spelling, "sales_staff")
          if (status !== 404) {
            wrong.push(`${route.method} ${spelling}: ${status}`)
          }
        }
      })
      expect(wrong.sort()).toEqual([])
    }, 600_000)
  })
}
