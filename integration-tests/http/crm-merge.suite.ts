import { BRANCH_MODULE } from "../../src/modules/branch"
import type BranchModuleService from "../../src/modules/branch/service"
import { SAVINGS_SCHEME_MODULE } from "../../src/modules/savings-scheme"
import type SavingsSchemeModuleService from "../../src/modules/savings-scheme/service"
import { Modules } from "@medusajs/framework/utils"
import type { ShopSuite } from "../support/runner"
import { CRM_MODULE } from "../../src/modules/crm"
import type CrmModuleService from "../../src/modules/crm/service"
import { mergeCustomersWorkflow } from "../../src/workflows/crm"
import { LOYALTY_MODULE } from "../../src/modules/loyalty"
import type LoyaltyModuleService from "../../src/modules/loyalty/service"
import { demoShop, expectStatus, signedInCustomer, type Headers } from "./helpers"

export const crmMergeSuite: ShopSuite = ({ api, getContainer }) => {
  let auth: Headers
  let store: Headers
  beforeAll(async () => {
    ;({ auth, store } = await demoShop(getContainer(), api))
  })
  const crm = () => getContainer().resolve<CrmModuleService>(CRM_MODULE)
  const loyalty = () => getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE)
  const balanceOf = async (customerId: string) => (await loyalty().listLoyaltyAccounts({ customer_id: customerId }))[0]?.balance ?? null

  /** Two records of one person, as a busy counter makes them: a walk-in and a phone enquiry. */
  async function twoRecordsOfMeera(suffix: string) {
    const { data: walkIn } = await api.post(
      "/admin/crm/customers",
      { first_name: "Meera", last_name: `Iyer${suffix}`, phone: `98450 1${suffix}`, birthday: "1985-06-02", tags: ["walk-in"] },
      auth
    )
    const { data: byPhone } = await api.post(
      "/admin/crm/customers",
      { first_name: "Meera", last_name: `Iyer${suffix}`, birthday: "1985-06-02", alternate_phone: `+91 98860 2${suffix}`, ring_size: "13", tags: ["bridal"], notes: "Asked about a 22K haram" },
      auth
    )
    return { keep: walkIn.customer.id as string, merge: byPhone.customer.id as string }
  }

  it("lists people recorded twice, by name and birthday, phone or email", async () => {
    const { keep, merge } = await twoRecordsOfMeera("1111")
    const { data } = await api.get("/admin/crm/customers/duplicates?by=name_birthday", auth)
    const group = data.groups.find((g: { customer_ids: string[] }) => g.customer_ids.includes(keep))
    expect(group).toEqual(expect.objectContaining({ reason: "name_birthday", key: "meera iyer1111 · 1985-06-02" }))
    expect(group.customer_ids.sort()).toEqual([keep, merge].sort())
    expect(group.customers.map((c: { id: string }) => c.id).sort()).toEqual([keep, merge].sort())

    // The same number written differently in Medusa's own phone field is a phone duplicate.
    const { data: other } = await api.post("/admin/customers", { first_name: "M.", email: "meera.other@example.in", phone: "0 98450 11111" }, auth)
    const byPhone = await api.get("/admin/crm/customers/duplicates?by=phone", auth)
    const phoneGroup = byPhone.data.groups.find((g: { key: string }) => g.key === "9845011111")
    expect(phoneGroup.customer_ids.sort()).toEqual([keep, other.customer.id].sort())
    expect((await expectStatus(api.get("/admin/crm/customers/duplicates?by=shoe_size", auth))).status).toBe(400)
  })

  it("merges a duplicate: interactions, tasks, wishlist and profile move, an audit record is kept", async () => {
    const { keep, merge } = await twoRecordsOfMeera("2222")
    await api.post(`/admin/crm/customers/${merge}/interactions`, { channel: "call", kind: "enquiry", summary: "Haram for daughter's wedding", follow_up_at: "2099-01-05T10:00:00Z" }, auth)
    const [coin] = await getContainer().resolve(Modules.PRODUCT).listProductVariants({ sku: "COIN-24K-5G" })
    await crm().createWishlistItems([{ customer_id: merge, variant_id: coin.id }, { customer_id: keep, variant_id: coin.id }])
    const order = await getContainer()
      .resolve(Modules.ORDER)
      .createOrders({ currency_code: "inr", customer_id: merge, email: "meera@example.in", items: [{ title: "24K Gold Coin 5 g", quantity: 1, unit_price: 40545, variant_id: coin.id }] })

    // A savings-scheme card of the duplicate's, which the survivor must be able to pay and redeem.
    const branches = await getContainer().resolve<BranchModuleService>(BRANCH_MODULE).listBranches({ code: "MUM" })
    const terms = { kind: "amount" as const, purity: null, instalment_paise: 1_000_00, instalments: 11, maturity_months: 12, bonus: { type: "none" as const }, grace_days: 7, early_closure_after: 6 }
    const { enrolment: card } = await getContainer().resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE).enrol({
      idempotency_key: "merge-card-2222", fingerprint: "merge", template: { id: "t", code: "T", name: "T" }, terms, customer_id: merge, branch_id: branches[0].id, branch_code: "MUM",
      user_id: null, enrolled_on: "2026-12-01", identity: "not_needed", pan_masked: null, pan_encrypted: null, note: null,
    })

    // Points on both records: the duplicate's 300 expire on a date of their own, and 50 of them were spent.
    const expiresAt = new Date("2027-09-30T18:29:59.000Z")
    await loyalty().postEntry({ customer_id: merge, type: "adjust", points: 300, idempotency_key: "merge-pts-2222-a", expires_at: expiresAt, reason: "opening balance" })
    await loyalty().postEntry({ customer_id: merge, type: "redeem", points: -50, idempotency_key: "merge-pts-2222-b" })
    await loyalty().postEntry({ customer_id: keep, type: "adjust", points: 100, idempotency_key: "merge-pts-2222-c", reason: "opening balance" })

    const res = await api.post("/admin/crm/customers/merge", { survivor_id: keep, merged_ids: [merge], reason: "same person" }, auth)
    expect(res.status).toBe(200)
    // The duplicate's 250 points are the survivor's now, with their history and expiry; nothing is left behind.
    expect([await balanceOf(keep), await balanceOf(merge), res.data.moved.loyalty_points, res.data.moved.loyalty_entries]).toEqual([350, 0, 250, 2])
    const [lot] = await loyalty().listPointsEntries({ idempotency_key: "merge-pts-2222-a" })
    expect(lot).toEqual(expect.objectContaining({ customer_id: keep, remaining: 250, expires_at: expiresAt }))
    expect(await loyalty().findBalanceMismatches()).toEqual([])
    expect((await getContainer().resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE).listSchemeEnrolments({ id: card.id }))[0].customer_id).toBe(keep)
    expect(res.data.moved).toEqual(
      expect.objectContaining({ orders: 1, interactions: 1, follow_up_tasks: 1, wishlist_items: 0, scheme_cards: 1, old_gold_vouchers: 0, profile_fields_filled: expect.arrayContaining(["alternate_phone", "ring_size", "tags", "notes"]) })
    )
    const [moved] = await getContainer().resolve(Modules.ORDER).listOrders({ id: order.id })
    expect(moved.customer_id).toBe(keep)
    // The kept customer's purchase aggregates now count the moved order.
    const { data: view } = await api.get(`/admin/crm/customers/${keep}/360`, auth)
    expect(view.purchases).toEqual(expect.objectContaining({ order_count: 1, lifetime_value: 40545, favourite_metal: "gold" }))
    expect(await crm().listInteractions({ customer_id: keep })).toHaveLength(1)
    expect(await crm().listFollowUpTasks({ customer_id: keep })).toHaveLength(1)
    expect(await crm().listWishlistItems({ customer_id: [keep, merge] })).toHaveLength(1)
    const { data: profile } = await api.get(`/admin/crm/customers/${keep}/profile`, auth)
    expect(profile.profile).toEqual(
      expect.objectContaining({ phone: "+919845012222", alternate_phone: "+919886022222", ring_size: "13", tags: ["walk-in", "bridal"] })
    )
    // The duplicate is gone from lists, and its phone is free again.
    expect(await getContainer().resolve(Modules.CUSTOMER).listCustomers({ id: merge })).toHaveLength(0)
    const { data: audit } = await api.get(`/admin/crm/merges?customer_id=${merge}`, auth)
    expect(audit.merges).toEqual([
      expect.objectContaining({ survivor_customer_id: keep, merged_customer_id: merge, reason: "same person", merged_by: expect.stringMatching(/^user_/) }),
    ])
    expect(audit.merges[0].snapshot.profile).toEqual(expect.objectContaining({ ring_size: "13", alternate_phone: "+919886022222" }))
  })

  it("refuses to merge a customer into itself, unknown customers, or away a customer with a login — writing nothing", async () => {
    const { keep, merge } = await twoRecordsOfMeera("3333")
    const self = await expectStatus(api.post("/admin/crm/customers/merge", { survivor_id: keep, merged_ids: [keep] }, auth))
    expect(self.status).toBe(400)
    expect(self.data.message).toMatch(/cannot be merged into itself/)
    const unknown = await expectStatus(api.post("/admin/crm/customers/merge", { survivor_id: keep, merged_ids: ["cus_nope"] }, auth))
    expect(unknown.status).toBe(404)
    expect(unknown.data.message).toMatch(/cus_nope/)
    const empty = await expectStatus(api.post("/admin/crm/customers/merge", { survivor_id: keep, merged_ids: [] }, auth))
    expect(empty.status).toBe(400)

    const account = await signedInCustomer(api, store, { email: "meera3333@example.in", password: "Meera-pass-1", first_name: "Meera" })
    const login = await expectStatus(api.post("/admin/crm/customers/merge", { survivor_id: keep, merged_ids: [account.id] }, auth))
    expect(login.status).toBe(400)
    expect(login.data.message).toMatch(/storefront login/)
    expect(await getContainer().resolve(Modules.CUSTOMER).listCustomers({ id: [keep, merge, account.id] })).toHaveLength(3)
    expect(await crm().listCustomerMerges({ survivor_customer_id: keep })).toHaveLength(0)
  })

  it("undoes every step when the merge fails at its end (compensation)", async () => {
    const { keep, merge } = await twoRecordsOfMeera("4444")
    await api.post(`/admin/crm/customers/${merge}/interactions`, { channel: "walk_in", kind: "enquiry", summary: "Looked at jhumkas" }, auth)
    await loyalty().postEntry({ customer_id: merge, type: "adjust", points: 200, idempotency_key: "merge-pts-4444", reason: "opening balance" })
    const order = await getContainer()
      .resolve(Modules.ORDER)
      .createOrders({ currency_code: "inr", customer_id: merge, email: "meera@example.in", items: [{ title: "Jhumkas", quantity: 1, unit_price: 25000 }] })
    const workflow = mergeCustomersWorkflow(getContainer())
    workflow.appendAction("fail-after-audit", "record-customer-merge", {
      invoke: async () => {
        throw new Error("injected failure after the audit record")
      },
    })
    await expect(workflow.run({ input: { survivor_id: keep, merged_ids: [merge] } })).rejects.toMatchObject({
      message: expect.stringMatching(/injected failure/),
    })
    expect(await getContainer().resolve(Modules.CUSTOMER).listCustomers({ id: [keep, merge] })).toHaveLength(2)
    expect(await crm().listInteractions({ customer_id: merge })).toHaveLength(1)
    expect((await getContainer().resolve(Modules.ORDER).listOrders({ id: order.id }))[0].customer_id).toBe(merge)
    const profiles = await crm().listCustomerProfiles({ alternate_phone: "+919886024444" })
    expect(profiles).toHaveLength(1)
    const { data } = await api.get(`/admin/crm/customers/${keep}/profile`, auth)
    expect(data.profile.ring_size).toBeNull()
    expect(await crm().listCustomerMerges({ survivor_customer_id: keep })).toHaveLength(0)
    // The points went back to the duplicate; the survivor's account made for them is gone.
    expect([await balanceOf(merge), await balanceOf(keep)]).toEqual([200, null])
    expect((await loyalty().listPointsEntries({ idempotency_key: "merge-pts-4444" }))[0].customer_id).toBe(merge)
    expect(await loyalty().findBalanceMismatches()).toEqual([])
  })

  describe("/store/customers/me/wishlist", () => {
    it("saves, lists and removes pieces for the signed-in customer only", async () => {
      const { me } = await signedInCustomer(api, store, { email: "wish@example.in", password: "Wish-pass-1", first_name: "Tara" })
      const [coin] = await getContainer().resolve(Modules.PRODUCT).listProductVariants({ sku: "COIN-24K-5G" })

      const first = await api.post("/store/customers/me/wishlist", { variant_id: coin.id, note: "for Diwali" }, me)
      expect(first.status).toBe(201)
      const again = await api.post("/store/customers/me/wishlist", { variant_id: coin.id }, me)
      expect(again.status).toBe(200)
      expect(again.data.wishlist_item.id).toBe(first.data.wishlist_item.id)
      const { data } = await api.get("/store/customers/me/wishlist", me)
      expect(data.count).toBe(1)
      expect(data.wishlist[0]).toEqual(expect.objectContaining({ variant_id: coin.id, note: "for Diwali" }))
      expect(data.wishlist[0].variant.product.handle).toBe("24k-gold-coin")

      const unknown = await expectStatus(api.post("/store/customers/me/wishlist", { variant_id: "variant_nope" }, me))
      expect(unknown.status).toBe(404)
      const bad = await expectStatus(api.post("/store/customers/me/wishlist", { variant_id: coin.id, price: 1 }, me))
      expect(bad.status).toBe(400)
      expect((await expectStatus(api.get("/store/customers/me/wishlist", store))).status).toBe(401)

      const removed = await api.delete(`/store/customers/me/wishlist?variant_id=${coin.id}`, me)
      expect(removed.data).toEqual({ variant_id: coin.id, object: "wishlist_item", deleted: true })
      expect((await api.get("/store/customers/me/wishlist", me)).data.count).toBe(0)
      expect((await expectStatus(api.delete("/store/customers/me/wishlist", me))).status).toBe(400)
    })
  })
}
