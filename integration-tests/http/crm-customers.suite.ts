import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ShopSuite } from "../support/runner"
import { waitFor } from "../support/wait"
import { decryptSecret, parseEncryptionKey } from "../../src/lib/pan"
import { CRM_MODULE } from "../../src/modules/crm"
import type CrmModuleService from "../../src/modules/crm/service"
import { demoShop, expectStatus, signedInCustomer, type Headers } from "./helpers"

export const crmCustomersSuite: ShopSuite = ({ api, getContainer }) => {
  let auth: Headers
  beforeAll(async () => {
    ;({ auth } = await demoShop(getContainer(), api))
  })

  const asha = {
    first_name: "Asha",
    last_name: "Patil",
    email: "Asha.Patil@example.in",
    phone: "98200 12345",
    birthday: "1988-03-14",
    anniversary: "2012-12-02",
    ring_size: "14",
    preferred_metals: ["gold"],
    preferred_purities: ["916"],
    tags: ["wedding-2026"],
    consents: { whatsapp: "granted", sms: "revoked" },
    pan: "abcde1234f",
  }
  const customerCount = async () => (await getContainer().resolve(Modules.CUSTOMER).listAndCountCustomers({}))[1]

  it("creates the customer and the profile in one call, phone in E.164 and PAN encrypted", async () => {
    const res = await api.post("/admin/crm/customers", asha, auth)
    expect(res.status).toBe(201)
    expect(res.data.customer).toEqual(expect.objectContaining({ first_name: "Asha", email: "asha.patil@example.in" }))
    expect(res.data.profile).toEqual(
      expect.objectContaining({ phone: "+919820012345", pan_masked: "ABCDE****F", ring_size: "14", tags: ["wedding-2026"] })
    )
    expect(res.data.profile.pan_encrypted).toBeUndefined()
    expect(res.data.profile.consents.whatsapp).toEqual(expect.objectContaining({ status: "granted", source: expect.stringMatching(/^admin:user_/) }))

    const [stored] = await getContainer().resolve<CrmModuleService>(CRM_MODULE).listCustomerProfiles({ phone: "+919820012345" })
    expect(stored.pan_encrypted).not.toContain("ABCDE")
    expect(decryptSecret(stored.pan_encrypted!, parseEncryptionKey(process.env.PII_ENCRYPTION_KEY!))).toBe("ABCDE1234F")
  })

  it("finds the customer by the phone however it is typed, and by name", async () => {
    const { data: created } = await api.post("/admin/crm/customers", asha, auth)
    for (const q of ["098200 12345", "+91 98200-12345", "9820012345"]) {
      const { data } = await api.get(`/admin/crm/customers?q=${encodeURIComponent(q)}`, auth)
      expect(data.customers.map((c: { id: string }) => c.id)).toEqual([created.customer.id])
    }
    const byName = await api.get("/admin/crm/customers?q=patil", auth)
    expect(byName.data.customers[0].profile.phone).toBe("+919820012345")
    // The search by phone reads in one statement what the query graph gives the search by name: the same customer.
    const byPhone = await api.get("/admin/crm/customers?q=9820012345", auth)
    expect(byPhone.data.customers).toEqual(byName.data.customers)

    // A number that is one customer's phone and another's alternate: both, in the order asked, paged and counted.
    const { data: other } = await api.post("/admin/crm/customers", { first_name: "Zoya", phone: "98200 99999", alternate_phone: "98200 12345" }, auth)
    const page = async (query: string) => (await api.get(`/admin/crm/customers?q=9820012345&${query}`, auth)).data
    const byFirstName = await page("order=first_name")
    expect([byFirstName.count, byFirstName.customers.map((c: { id: string }) => c.id)]).toEqual([2, [created.customer.id, other.customer.id]])
    expect(byFirstName.customers[1]).toEqual(expect.objectContaining({ first_name: "Zoya", profile: expect.objectContaining({ phone: "+919820099999" }) }))
    const newestSecond = await page("order=-created_at&limit=1&offset=1")
    expect([newestSecond.count, newestSecond.customers.map((c: { id: string }) => c.id)]).toEqual([2, [created.customer.id]])
    const profile = await api.get(`/admin/crm/customers/${created.customer.id}/profile`, auth)
    expect(profile.data.profile.pan_masked).toBe("ABCDE****F")
  })

  it("sorts the customer list by an allowed field and refuses any other", async () => {
    for (const first_name of ["Zubin", "Aarti"]) {
      await api.post("/admin/crm/customers", { first_name, last_name: "Sortable" }, auth)
    }
    const { data: ascending } = await api.get("/admin/crm/customers?q=sortable&order=first_name", auth)
    expect(ascending.customers.map((c: { first_name: string }) => c.first_name)).toEqual(["Aarti", "Zubin"])
    const { data: descending } = await api.get("/admin/crm/customers?q=sortable&order=-first_name", auth)
    expect(descending.customers.map((c: { first_name: string }) => c.first_name)).toEqual(["Zubin", "Aarti"])
    const refused = await expectStatus(api.get("/admin/crm/customers?order=password_hash", auth))
    expect(refused.status).toBe(400)
    expect(refused.data.message).toMatch(/order/)
    const tasks = await expectStatus(api.get("/admin/crm/tasks?order=-due_at", auth))
    expect(tasks.status).toBe(200)
    expect((await expectStatus(api.get("/admin/crm/tasks?order=title", auth))).status).toBe(400)
  })

  it("refuses a second customer with the same phone: 409 naming the first, nothing written", async () => {
    const { data: first } = await api.post("/admin/crm/customers", asha, auth)
    const before = await customerCount()
    const res = await expectStatus(
      api.post("/admin/crm/customers", { ...asha, first_name: "Asha B", email: "other@example.in", phone: "+91 98200-12345" }, auth)
    )
    expect(res.status).toBe(409)
    expect(res.data.message).toBe(`The phone number +919820012345 already belongs to customer ${first.customer.id}`)
    expect(await customerCount()).toBe(before)
  })

  it.each([
    ["an unreadable phone", { phone: "12345" }, /is not a phone number we can read/],
    ["a birthday in the future", { birthday: "2099-01-01" }, /birthday cannot be in the future/],
    ["an anniversary before the birthday", { anniversary: "1980-01-01" }, /anniversary cannot be before the birthday/],
    ["a malformed PAN", { pan: "ABCD1234F" }, /5 letters, 4 digits and a letter/],
    ["a consent outside the enum", { consents: { whatsapp: "maybe" } }, /consents/],
    ["an unknown branch", { home_branch_id: "br_nowhere" }, /Unknown branch br_nowhere/],
    ["an unknown staff user", { assigned_user_id: "user_nobody" }, /Unknown staff user user_nobody/],
    ["10 000-character notes", { notes: "x".repeat(10_000) }, /notes/],
    ["an unknown metal preference", { preferred_metals: ["copper"] }, /preferred_metals/],
  ])("refuses %s with 400 and writes nothing", async (_label, patch, message) => {
    const before = await customerCount()
    const res = await expectStatus(api.post("/admin/crm/customers", { ...asha, ...patch }, auth))
    expect(res.status).toBe(400)
    expect(res.data.message).toMatch(message)
    expect(await customerCount()).toBe(before)
  })

  it("removes the Medusa customer again when the profile cannot be stored (compensation)", async () => {
    const crm = getContainer().resolve<CrmModuleService>(CRM_MODULE)
    const failure = jest.spyOn(crm, "createCustomerProfiles").mockRejectedValueOnce(new Error("storage failed"))
    const before = await customerCount()
    try {
      const res = await expectStatus(api.post("/admin/crm/customers", { ...asha, email: "rollback@example.in", phone: "9820099999" }, auth))
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(failure).toHaveBeenCalled()
    } finally {
      failure.mockRestore()
    }
    expect(await customerCount()).toBe(before)
  })

  it("gives customers made elsewhere (Medusa's own admin route) an empty profile", async () => {
    const { data } = await api.post("/admin/customers", { first_name: "Ravi", email: "ravi@example.in", phone: "+91 99870 11111" }, auth)
    const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const profile = await waitFor("the new customer's CRM profile", async () => {
      const { data: rows } = await query.graph({ entity: "customer", fields: ["customer_profile.*"], filters: { id: data.customer.id } })
      return (rows[0] as { customer_profile?: { phone?: string } | null }).customer_profile
    })
    expect(profile).toEqual(expect.objectContaining({ phone: "+919987011111" }))
  })

  describe("/store/customers/me/profile", () => {
    it("lets a signed-in customer keep their own dates, sizes, preferences and consents", async () => {
      const container = getContainer()
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ title: "Mumbai – Zaveri Bazaar storefront" })
      const pk = { "x-publishable-api-key": key.token }
      const { me } = await signedInCustomer(api, { headers: pk }, { email: "nisha@example.in", password: "Nisha-pass-1", first_name: "Nisha" })

      const res = await api.post(
        "/store/customers/me/profile",
        { birthday: "1995-07-21", ring_size: "12", preferred_metals: ["gold", "platinum"], consents: { whatsapp: "granted" } },
        me
      )
      expect(res.data.profile).toEqual(expect.objectContaining({ ring_size: "12", preferred_metals: ["gold", "platinum"] }))
      expect(res.data.profile.consents.whatsapp).toEqual(expect.objectContaining({ status: "granted", source: "storefront" }))
      expect(res.data.profile.pan_masked).toBeUndefined()

      await api.post("/store/customers/me/profile", { consents: { sms: "revoked" } }, me)
      const { data } = await api.get("/store/customers/me/profile", me)
      expect(Object.keys(data.profile.consents).sort()).toEqual(["sms", "whatsapp"])
      expect(data.profile.ring_size).toBe("12")

      for (const forbidden of [{ pan: "ABCDE1234F" }, { tags: ["vip"] }, { assigned_user_id: "user_x" }]) {
        const refused = await expectStatus(api.post("/store/customers/me/profile", forbidden, me))
        expect(refused.status).toBe(400)
      }
      const future = await expectStatus(api.post("/store/customers/me/profile", { birthday: "2099-01-01" }, me))
      expect(future.data.message).toMatch(/birthday cannot be in the future/)
      expect((await expectStatus(api.get("/store/customers/me/profile", { headers: pk }))).status).toBe(401)
    })
  })
}
