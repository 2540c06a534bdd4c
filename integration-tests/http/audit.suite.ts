import { Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import type { ShopSuite } from "../support/runner"
import { ADMIN, demoShop, expectStatus, finishedRun, signedInCustomer, type Headers } from "./helpers"

type Entry = {
  id: string
  actor_type: string
  actor_id: string | null
  ip: string | null
  action: string
  entity: string
  entity_id: string
  changes: Record<string, { before: unknown; after: unknown }>
  metadata: Record<string, unknown> | null
}

export const auditSuite: ShopSuite = ({ api, getContainer }) => {
  let auth: Headers
  let store: Headers
  let adminId: string

  beforeAll(async () => {
    ;({ auth, store } = await demoShop(getContainer(), api))
    const [user] = await getContainer().resolve(Modules.USER).listUsers({ email: ADMIN.email })
    adminId = user.id
  })

  const audit = async (query: string) => (await api.get(`/admin/audit?${query}`, auth)).data as { audit_entries: Entry[]; count: number; limit: number; offset: number }

  it("records a metal rate publication by the admin with the rate before and after", async () => {
    const { data } = await api.post("/admin/metal-rates", { rates: [{ metal: "gold", purity: 916, rate_per_g: "7301.25" }], note: "IBJA noon" }, auth)
    const rateId = data.rates[0].id as string

    const found = await audit(`entity=metal_rate&entity_id=${rateId}`)
    expect(found.count).toBe(1)
    expect(found.audit_entries[0]).toEqual(
      expect.objectContaining({
        actor_type: "user",
        actor_id: adminId,
        ip: expect.any(String),
        action: "metal_rate.published",
        entity: "metal_rate",
        entity_id: rateId,
        branch_id: null,
        changes: { rate_per_g_paise: { before: 724550, after: 730125 } },
        metadata: expect.objectContaining({ metal: "gold", purity: 916, note: "IBJA noon" }),
      })
    )
    // An action prefix finds it too, an unrelated one does not.
    expect((await audit(`action=metal_rate&entity_id=${rateId}`)).count).toBe(1)
    expect((await audit(`action=loyalty_points&entity_id=${rateId}`)).count).toBe(0)
  })

  it("records points adjustments with the balance before and after, newest first", async () => {
    const { data } = await api.post("/admin/crm/customers", { first_name: "Meera", phone: "9820012345" }, auth)
    const id = data.customer.id as string
    await api.post(`/admin/loyalty/customers/${id}/adjust`, { points: 500, idempotency_key: `audit-open-${id}`, reason: "opening balance" }, auth)
    const second = await api.post(`/admin/loyalty/customers/${id}/adjust`, { points: -120, idempotency_key: `audit-fix-${id}`, reason: "duplicate bill" }, auth)
    // A replay changes nothing and records nothing.
    await api.post(`/admin/loyalty/customers/${id}/adjust`, { points: -120, idempotency_key: `audit-fix-${id}`, reason: "duplicate bill" }, auth)

    const found = await audit(`action=loyalty_points.adjusted&entity_id=${id}&actor_id=${adminId}`)
    expect(found.count).toBe(2)
    expect(found.audit_entries.map((e) => e.changes)).toEqual([
      { points_balance: { before: 500, after: 380 } },
      { points_balance: { before: 0, after: 500 } },
    ])
    expect(found.audit_entries[0].metadata).toEqual(
      expect.objectContaining({ points: -120, reason: "duplicate bill", ledger_entry_id: second.data.entry.id })
    )

    // The customer's creation is on their trail with the phone masked.
    const created = await audit(`entity=customer&entity_id=${id}&action=customer_profile.created`)
    expect(created.audit_entries[0].changes.phone).toEqual({ before: null, after: "+91******2345" })
    expect(JSON.stringify(created.audit_entries)).not.toContain("9820012345")
  })

  it("records a customer's own consent change with the customer as actor", async () => {
    const { id, me } = await signedInCustomer(api, store, { email: "audit.consent@example.in", password: "Secret-pass-1", first_name: "Lata" })
    await api.post("/store/customers/me/profile", { consents: { sms: "granted" }, ring_size: "12" }, me)
    await api.post("/store/customers/me/profile", { consents: { sms: "revoked" } }, me)

    const found = await audit(`entity=customer&entity_id=${id}&action=customer.consent_changed`)
    expect(found.audit_entries.map((e) => [e.actor_type, e.actor_id, e.changes])).toEqual([
      ["customer", id, { "consents.sms.status": { before: "granted", after: "revoked" } }],
      ["customer", id, { "consents.sms.status": { before: null, after: "granted" } }],
    ])
  })

  it("records a piece's price when a variant becomes jewellery", async () => {
    const { result } = await createProductsWorkflow(getContainer()).run({
      input: {
        products: [{ title: "Audit ring", status: "published", options: [{ title: "Size", values: ["10"] }], variants: [{ title: "10", options: { Size: "10" }, prices: [{ currency_code: "inr", amount: 1 }] }] }],
      },
    })
    const variantId = result[0].variants[0].id
    const body = { metal: "gold", purity: 916, gross_weight_g: "3.000", net_weight_g: "3", making: { type: "per_gram", rupees: "400" }, other_charges: "45", tag_code: "SGJ-AUD-0001" }
    expect((await api.post(`/admin/jewelry/variants/${variantId}/attributes`, body, auth)).status).toBe(201)

    const [entry] = (await audit(`entity=product_variant&entity_id=${variantId}`)).audit_entries
    expect(entry).toEqual(expect.objectContaining({ actor_id: adminId, action: "jewelry_price.set" }))
    expect(entry.changes).toEqual(
      expect.objectContaining({
        making_value: { before: null, after: 40000 },
        net_weight_mg: { before: null, after: 3000 },
        "price.taxable_value": { before: null, after: 2298150 },
      })
    )
  })

  it("records a merge on the survivor and on each duplicate", async () => {
    const keep = (await api.post("/admin/crm/customers", { first_name: "Kavya", phone: "9820011111" }, auth)).data.customer.id as string
    const dup = (await api.post("/admin/crm/customers", { first_name: "Kavya R", email: "kavya.dup@example.in" }, auth)).data.customer.id as string
    await api.post("/admin/crm/customers/merge", { survivor_id: keep, merged_ids: [dup], reason: "same person" }, auth)

    const [survivor] = (await audit(`action=customer.merged&entity_id=${keep}`)).audit_entries
    expect(survivor.actor_id).toBe(adminId)
    expect(survivor.changes.merged_customer_ids).toEqual({ before: null, after: [dup] })
    const [merged] = (await audit(`action=customer.merged&entity_id=${dup}`)).audit_entries
    expect(merged.changes).toEqual({ merged_into: { before: null, after: keep } })
    expect(merged.metadata).toEqual(expect.objectContaining({ reason: "same person", customer_merge_id: expect.stringMatching(/^cmrg_/) }))
  })

  it("records who started a campaign run", async () => {
    const { data: seg } = await api.post("/admin/offers/segments", { name: "Audit testers", rules: { field: "tag", op: "includes", value: "audittest" } }, auth)
    const draft = (await api.post("/admin/offers/campaigns", { name: "Audit campaign", segment_id: seg.segment.id, offer: { type: "fixed", value: 1000 } }, auth)).data.campaign
    const started = await api.post(`/admin/offers/campaigns/${draft.id}/run`, {}, auth)
    expect(started.status).toBe(202)
    const [entry] = (await audit(`entity=campaign&entity_id=${draft.id}`)).audit_entries
    expect(entry).toEqual(
      expect.objectContaining({ actor_id: adminId, action: "campaign.run_started", changes: { run_status: { before: null, after: "running" } } })
    )
    expect(entry.metadata).toEqual(expect.objectContaining({ run_id: started.data.run.id }))
    // Let the run end before the next test restores the database under it.
    await finishedRun(api, auth, started.data.run.id)
  })

  it("records role changes of staff with the role and branches before and after", async () => {
    const [user] = await getContainer().resolve(Modules.USER).createUsers([{ email: "audit.staff@example.in" }])
    const { data } = await api.get("/admin/branches?code=BLR", auth)
    const blr = data.branches[0].id as string
    await api.post(`/admin/staff/${user.id}`, { role: "accountant" }, auth)
    await api.post(`/admin/staff/${user.id}`, { role: "sales_staff", branch_ids: [blr] }, auth)
    // The same assignment again changes nothing and records nothing.
    await api.post(`/admin/staff/${user.id}`, { role: "sales_staff", branch_ids: [blr] }, auth)

    const found = await audit(`action=staff_role.changed&entity=user&entity_id=${user.id}`)
    expect(found.audit_entries.map((e) => [e.actor_id, e.changes])).toEqual([
      [adminId, { role: { before: "accountant", after: "sales_staff" }, branch_ids: { before: [], after: [blr] } }],
      [adminId, { role: { before: null, after: "accountant" }, branch_ids: { before: null, after: [] } }],
    ])
  })

  it("pages newest first and refuses bad filters with a 400 and a message", async () => {
    // (Each test starts from an empty database.)
    await api.post("/admin/metal-rates", { rates: [{ metal: "silver", purity: 999, rate_per_g: "92.10" }], confirm: true }, auth)
    await api.post("/admin/metal-rates", { rates: [{ metal: "silver", purity: 999, rate_per_g: "92.40" }], confirm: true }, auth)
    const page = await audit("limit=1&offset=1")
    expect(page.limit).toBe(1)
    expect(page.offset).toBe(1)
    expect(page.audit_entries).toHaveLength(1)
    const all = await audit("")
    expect(all.limit).toBe(50)
    const times = all.audit_entries.map((e) => new Date((e as unknown as { created_at: string }).created_at).getTime())
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    expect(page.audit_entries[0].id).toBe(all.audit_entries[1].id)
    expect((await audit(`from=2000-01-01&to=2000-01-31`)).count).toBe(0)

    for (const [query, message] of [
      ["limit=500", /limit/],
      ["limit=0", /limit/],
      ["offset=-1", /offset/],
      ["from=yesterday", /not an ISO date/],
      ["to=2026-02-30", /not an ISO date/],
      ["from=2026-12-02&to=2026-12-01", /from must not be after to/],
      ["action=metal_rate;drop", /action is like/],
      ["colour=red", /colour/],
    ] as const) {
      const res = await expectStatus(api.get(`/admin/audit?${query}`, auth))
      expect([query, res.status]).toEqual([query, 400])
      expect(res.data.message).toMatch(message)
    }
    expect((await expectStatus(api.get("/admin/audit"))).status).toBe(401)
  })
}
