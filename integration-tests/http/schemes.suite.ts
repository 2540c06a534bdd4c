import type { ShopSuite } from "../support/runner"
import { BRANCH_MODULE } from "../../src/modules/branch"
import type BranchModuleService from "../../src/modules/branch/service"
import { SAVINGS_SCHEME_MODULE } from "../../src/modules/savings-scheme"
import type SavingsSchemeModuleService from "../../src/modules/savings-scheme/service"
import { istToday } from "../../src/lib/pos"
import { remindSchemeInstalments } from "../../src/jobs/scheme-reminders"
import { MESSAGING_MODULE } from "../../src/modules/messaging"
import type MessagingModuleService from "../../src/modules/messaging/service"
import { addDays, addMonths, schemeSchedule, type SchemeTerms } from "../../src/lib/savings-schemes"
import { demoShop, expectStatus, ok, salesStaffHeaders, signedInCustomer, type Headers } from "./helpers"

const COIN = "SGJ-COIN-24K-5G"
const GOLD11 = {
  code: "GOLD11",
  name: "Swarna 11+1",
  kind: "amount",
  instalment_paise: 5_000_00,
  instalments: 11,
  maturity_months: 12,
  bonus: { type: "instalments", count: 1 },
  grace_days: 7,
  early_closure_after: 6,
}
const SMALL: SchemeTerms = { kind: "amount", purity: null, instalment_paise: 1_000_00, instalments: 11, maturity_months: 12, bonus: { type: "instalments", count: 1 }, grace_days: 7, early_closure_after: 6 }

export const schemesSuite: ShopSuite = ({ api, getContainer }) => {
  let owner: Headers
  let store: Headers
  let mumbaiStaff: Headers
  let puneStaff: Headers
  let branch: Record<string, string>
  let customerId: string
  let templateId: string

  const schemes = () => getContainer().resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE)

  beforeAll(async () => {
    ;({ auth: owner, store } = await demoShop(getContainer(), api))
    const branches = await getContainer().resolve<BranchModuleService>(BRANCH_MODULE).listBranches({}, { select: ["id", "code"] })
    branch = Object.fromEntries(branches.map((b) => [b.code, b.id]))
    mumbaiStaff = await salesStaffHeaders(getContainer(), api, "schemes.mum@example.in", branch.MUM)
    puneStaff = await salesStaffHeaders(getContainer(), api, "schemes.pun@example.in", branch.PUN)
    customerId = (await ok(api.post("/admin/crm/customers", { first_name: "Meena", last_name: "Rao", email: "meena.rao@example.in", phone: "9820388001" }, owner))).data.customer.id
    templateId = (await ok(api.post("/admin/schemes/templates", GOLD11, owner))).data.template.id
  })

  /** A card enrolled `months` ago at Mumbai with every instalment paid on its due date: matured when months ≥ 12. */
  async function cardEnrolledAgo(months: number, key: string, customer = customerId, terms: SchemeTerms = SMALL): Promise<string> {
    const enrolledOn = addMonths(istToday(), -months)
    const { enrolment } = await schemes().enrol({
      idempotency_key: key,
      fingerprint: key,
      template: { id: templateId, code: "SMALL", name: "Small 11+1" },
      terms,
      customer_id: customer,
      branch_id: branch.MUM,
      branch_code: "MUM",
      user_id: null,
      enrolled_on: enrolledOn,
      identity: "not_needed",
      pan_masked: null,
      pan_encrypted: null,
      note: null,
    })
    const { due_on } = schemeSchedule(terms, enrolledOn)
    await schemes().createSchemeInstalments(
      due_on.slice(0, Math.min(11, months + 1)).map((day, i) => ({
        enrolment_id: enrolment.id,
        idempotency_key: `${key}-${i + 1}`,
        sequence: i + 1,
        due_on: day,
        paid_on: day,
        amount_paise: terms.instalment_paise,
        tender: "cash" as const,
        branch_id: branch.MUM,
      }))
    )
    return enrolment.number
  }

  it("offers schemes only within the rules, and only the owner or a manager may", async () => {
    const created = await ok(api.post("/admin/schemes/templates", { ...GOLD11, code: "gold6", instalments: 6, maturity_months: 7, bonus: { type: "percent_of_paid", bps: 750 }, early_closure_after: 3 }, owner))
    expect(created.status).toBe(201)
    expect(created.data.template).toMatchObject({ code: "GOLD6", instalment_paise: 5_000_00, bonus: { type: "percent_of_paid", bps: 750 }, active: true })
    const refused: [Record<string, unknown>, number, string][] = [
      [{ ...GOLD11, code: "LONG13", maturity_months: 13 }, 400, "365 days"],
      [{ ...GOLD11, code: "WEIGHT", kind: "weight", bonus: { type: "percent_of_paid", bps: 500 } }, 400, "purity: a weight scheme names the purity"],
      [{ ...GOLD11, code: "BIGBONUS", bonus: { type: "instalments", count: 12 } }, 400, "bonus.count must be 1 to the number of instalments"],
      [{ ...GOLD11, code: "HALF", instalment_paise: 5_000.5 }, 400, "instalment_paise"],
      [GOLD11, 400, 'code: a scheme "GOLD11" exists already'],
    ]
    for (const [body, status, message] of refused) {
      const res = await expectStatus(api.post("/admin/schemes/templates", body, owner))
      expect([res.status, res.data.message]).toEqual([status, expect.stringContaining(message)])
    }
    expect((await expectStatus(api.post("/admin/schemes/templates", { ...GOLD11, code: "STAFF1" }, mumbaiStaff))).status).toBe(403)
    // The refusals wrote nothing and took nothing away.
    const listed = await ok(api.get("/admin/schemes/templates?active=true", mumbaiStaff))
    expect(listed.data.templates.map((t: { code: string }) => t.code)).toEqual(["GOLD11", "GOLD6"])
    expect(listed.data.templates[0]).toMatchObject({ instalment_paise: 5_000_00, instalments: 11, bonus: { type: "instalments", count: 1 } })
  })

  it("enrols once per key and takes each instalment once, of the scheme's amount only, at the card's branch", async () => {
    const body = { idempotency_key: "sch-enrol-0001", template_id: templateId, branch_id: branch.MUM, customer_id: customerId }
    const first = await ok(api.post("/admin/schemes/enrolments", body, mumbaiStaff))
    expect(first.status).toBe(201)
    const card = first.data.scheme
    expect(card.number).toMatch(/^MUM\/SC\d{2}-\d{2}\/0001$/)
    expect(card).toMatchObject({ status: "active", enrolled_on: istToday(), matures_on: schemeSchedule({ ...SMALL, instalment_paise: 5_000_00 }, istToday()).matures_on, redeemable_value_paise: 0 })
    expect(card.schedule).toHaveLength(11)
    const again = await ok(api.post("/admin/schemes/enrolments", body, mumbaiStaff))
    expect([again.status, again.data.scheme.id]).toEqual([200, card.id])
    expect((await expectStatus(api.post("/admin/schemes/enrolments", { ...body, branch_id: branch.PUN }, puneStaff))).status).toBe(409)

    const pay = (b: Record<string, unknown>, who = mumbaiStaff) => expectStatus(api.post(`/admin/schemes/enrolments/${card.id}/instalments`, b, who))
    const wrong = await pay({ idempotency_key: "sch-inst-0000", amount_paise: 4_000_00, tender: "upi" })
    expect([wrong.status, wrong.data.message]).toEqual([400, expect.stringContaining("an instalment of this scheme is ₹5000, not ₹4000")])
    const paid = await pay({ idempotency_key: "sch-inst-0001", amount_paise: 5_000_00, tender: "upi", reference: "UTR 9911" })
    expect([paid.status, paid.data.message]).toEqual([201, undefined])
    expect(paid.data.instalment).toMatchObject({ sequence: 1, due_on: istToday(), paid_on: istToday(), amount_paise: 5_000_00, tender: "upi" })
    expect(paid.data.scheme.statement).toMatchObject({ paid_count: 1, paid_paise: 5_000_00, next_due_on: addMonths(istToday(), 1), redeemable_paise: 0 })
    const replay = await pay({ idempotency_key: "sch-inst-0001", amount_paise: 5_000_00, tender: "upi", reference: "UTR 9911" })
    expect([replay.status, replay.data.instalment.id]).toEqual([200, paid.data.instalment.id])
    // The passbook line goes to the customer once, however often the instalment is replayed.
    const receipts = await getContainer().resolve<MessagingModuleService>(MESSAGING_MODULE).listMessages({ customer_id: customerId, event: "scheme_instalment_received" })
    expect(receipts.map((m) => m.body)).toEqual([expect.stringContaining(`card ${card.number}: 1 of 11 paid, ₹5,000.00 in all`)])
    // Another branch's staff neither see the card nor take its instalments.
    expect((await pay({ idempotency_key: "sch-inst-0002", amount_paise: 5_000_00, tender: "cash" }, puneStaff)).status).toBe(404)
    expect((await expectStatus(api.get(`/admin/schemes/enrolments/${card.id}`, puneStaff))).status).toBe(404)
    expect((await ok(api.get("/admin/schemes/enrolments", puneStaff))).data.count).toBe(0)
    expect((await ok(api.get(`/admin/schemes/enrolments?customer_id=${customerId}`, mumbaiStaff))).data.schemes.map((s: { id: string }) => s.id)).toEqual([card.id])
    const liability = await ok(api.get("/admin/schemes/liability", owner))
    expect(liability.data.totals).toMatchObject({ cards: 1, matured: 0, paid_paise: 5_000_00, bonus_earned_paise: 0 })
  })

  it("asks for PAN or Form 60 when the scheme comes to ₹2 lakh, and writes nothing without it", async () => {
    const big = await ok(api.post("/admin/schemes/templates", { ...GOLD11, code: "GOLD20K", instalment_paise: 20_000_00 }, owner))
    const before = (await ok(api.get("/admin/schemes/enrolments?limit=100", owner))).data.count
    const refused = await expectStatus(api.post("/admin/schemes/enrolments", { idempotency_key: "sch-enrol-big-1", template_id: big.data.template.id, branch_id: branch.MUM, customer_id: customerId }, mumbaiStaff))
    expect([refused.status, refused.data.message]).toEqual([400, expect.stringContaining("pan: a scheme of ₹2,00,000 or more")])
    expect((await ok(api.get("/admin/schemes/enrolments?limit=100", owner))).data.count).toBe(before)
    const withForm60 = await ok(api.post("/admin/schemes/enrolments", { idempotency_key: "sch-enrol-big-2", template_id: big.data.template.id, branch_id: branch.MUM, customer_id: customerId, form_60: true }, mumbaiStaff))
    expect(withForm60.data.scheme.identity).toBe("form_60")
    // A withdrawn scheme takes no new enrolments.
    await ok(api.post(`/admin/schemes/templates/${big.data.template.id}`, { active: false }, owner))
    const withdrawn = await expectStatus(api.post("/admin/schemes/enrolments", { idempotency_key: "sch-enrol-big-3", template_id: big.data.template.id, branch_id: branch.MUM, customer_id: customerId, form_60: true }, mumbaiStaff))
    expect([withdrawn.status, withdrawn.data.message]).toEqual([400, expect.stringContaining("no longer offered")])
  })

  it("pays a counter sale with old gold, a matured scheme and UPI to the paisa; a failing tender leaves everything as it was", async () => {
    const number = await cardEnrolledAgo(13, "sch-matured-0001")
    const card = (await ok(api.get(`/admin/schemes/enrolments?q=${encodeURIComponent(number)}`, mumbaiStaff))).data.schemes[0]
    const passbook = (await ok(api.get(`/admin/schemes/enrolments/${card.id}`, mumbaiStaff))).data.scheme
    // 11 × ₹1,000 paid on time + the 12th from the shop.
    expect(passbook.statement).toMatchObject({ matured: true, paid_paise: 11_000_00, bonus_paise: 1_000_00, redeemable_paise: 12_000_00 })
    expect(passbook.redeemable_value_paise).toBe(12_000_00)

    await ok(api.post("/admin/old-gold/buying-rates", { rates: [{ metal: "gold", purity: 999, rate_per_g_paise: 7000_00 }] }, owner))
    const voucher = (
      await ok(
        api.post(
          "/admin/old-gold/vouchers",
          { idempotency_key: "sch-og-0001", branch_id: branch.MUM, customer_id: customerId, kind: "exchange", articles: [{ metal: "gold", description: "ring", gross_weight_mg: 1000, tested_purity: 999, purity_test: "xrf", melting_loss_bps: 0 }], sale_credit_paise: 7000_00 },
          mumbaiStaff
        )
      )
    ).data.voucher
    const quote = (await ok(api.post("/admin/pos/quote", { branch_id: branch.MUM, customer_id: customerId, items: [{ tag_code: COIN }] }, mumbaiStaff))).data.quote
    const bill = Math.round(quote.total * 100)
    const sale = (key: string, schemePaise: number, oldGoldPaise = 7000_00) =>
      expectStatus(
        api.post(
          "/admin/pos/orders",
          {
            idempotency_key: key,
            branch_id: branch.MUM,
            customer_id: customerId,
            items: [{ tag_code: COIN }],
            tenders: [
              ...(oldGoldPaise ? [{ kind: "old_gold", amount: oldGoldPaise / 100, reference: voucher.number }] : []),
              { kind: "scheme", amount: schemePaise / 100, reference: number.toLowerCase() },
              { kind: "upi", amount: (bill - oldGoldPaise - schemePaise) / 100, reference: "UTR 5501" },
            ],
          },
          mumbaiStaff
        )
      )
    
    const partial = await sale("sch-sale-0000", 11_000_00)
    expect([partial.status, partial.data.message]).toEqual([400, expect.stringContaining(`Scheme ${number} is worth ₹12000 today and is redeemed whole`)])
    expect((await ok(api.get(`/admin/old-gold/vouchers/${voucher.id}`, mumbaiStaff))).data.voucher.credit_used_paise).toBe(0)
    expect((await ok(api.get(`/admin/schemes/enrolments/${card.id}`, mumbaiStaff))).data.scheme.status).toBe("active")

    const sold = await sale("sch-sale-0001", 12_000_00)
    expect([sold.status, sold.data.message]).toEqual([201, undefined])
    expect(sold.data.sale.tenders.map((t: { kind: string; amount: number }) => [t.kind, Math.round(t.amount * 100)])).toEqual([
      ["old_gold", 7000_00],
      ["scheme", 12_000_00],
      ["upi", bill - 19_000_00],
    ])
    const { data: order } = await api.get(`/admin/orders/${sold.data.sale.order.id}?fields=payment_status,payment_collections.payments.provider_id,payment_collections.payments.amount`, owner)
    expect(order.order.payment_status).toBe("captured")
    expect(order.order.payment_collections[0].payments.map((p: { provider_id: string }) => p.provider_id).sort()).toEqual(["pp_instore_old_gold", "pp_instore_scheme", "pp_instore_upi"])
    const redeemed = (await ok(api.get(`/admin/schemes/enrolments/${card.id}`, mumbaiStaff))).data.scheme
    expect(redeemed).toMatchObject({ status: "redeemed", redeemed_paise: 12_000_00, redeemed_sale_id: sold.data.sale.id, redeemable_value_paise: 0 })
    expect((await ok(api.get(`/admin/old-gold/vouchers/${voucher.id}`, mumbaiStaff))).data.voucher.credit_used_paise).toBe(7000_00)
    expect((await ok(api.get("/admin/old-gold/stock", mumbaiStaff))).data.stock).toEqual([{ branch_id: branch.MUM, metal: "gold", fine_mg: 999 }])

    // The same sale again is the same sale; a redeemed card pays nothing more.
    const replay = await sale("sch-sale-0001", 12_000_00)
    expect([replay.status, replay.data.sale.id]).toEqual([200, sold.data.sale.id])
    const twice = await sale("sch-sale-0002", 12_000_00, 0)
    expect([twice.status, twice.data.message]).toEqual([400, expect.stringContaining(`Scheme ${number} was redeemed already`)])
    const early = await cardEnrolledAgo(3, "sch-young-0001")
    const notYet = await expectStatus(
      api.post(
        "/admin/pos/orders",
        { idempotency_key: "sch-sale-0003", branch_id: branch.MUM, customer_id: customerId, items: [{ tag_code: COIN }], tenders: [{ kind: "scheme", amount: 4000, reference: early }, { kind: "upi", amount: (bill - 4000_00) / 100 }] },
        mumbaiStaff
      )
    )
    expect([notYet.status, notYet.data.message]).toEqual([400, expect.stringContaining("nothing is redeemable yet")])
  })

  it("takes a matured card's making-charge waiver off the bill it pays, as the scheme's own adjustment; a card not earned waives nothing", async () => {
    const WAIVER: SchemeTerms = { ...SMALL, bonus: { type: "making_waiver", bps: 2_500 } }
    const number = await cardEnrolledAgo(13, "sch-waiver-0001", customerId, WAIVER)
    const young = await cardEnrolledAgo(2, "sch-waiver-0002", customerId, WAIVER)
    const base = { branch_id: branch.MUM, customer_id: customerId, items: [{ tag_code: COIN }] }
    const plain = (await ok(api.post("/admin/pos/quote", base, mumbaiStaff))).data.quote
    const making = Math.round(plain.lines[0].making_charge * 100)
    expect(making).toBeGreaterThan(0)
    // A quarter of the making charge, rounded half up to the paisa; 3 % GST on what is left.
    const waiver = Math.round(making / 4)
    const q = (await ok(api.post("/admin/pos/quote", { ...base, scheme_cards: [number] }, mumbaiStaff))).data.quote
    expect([q.scheme_waiver, q.beyond_limits]).toEqual([{ percent: 25, amount: waiver / 100 }, []])
    expect(Math.round(plain.total * 100) - Math.round(q.total * 100)).toBe(Math.round(waiver * 1.03))
    expect((await ok(api.post("/admin/pos/quote", { ...base, scheme_cards: [young] }, mumbaiStaff))).data.quote.scheme_waiver.amount).toBe(0)

    const bill = Math.round(q.total * 100)
    const sold = await expectStatus(
      api.post("/admin/pos/orders", { ...base, idempotency_key: "sch-waiver-sale-1", tenders: [{ kind: "scheme", amount: 11_000, reference: number }, { kind: "upi", amount: (bill - 11_000_00) / 100, reference: "UTR 5502" }] }, mumbaiStaff)
    )
    expect([sold.status, sold.data.message, sold.data.sale.total]).toEqual([201, undefined, q.total])
    const { data: order } = await api.get(`/admin/orders/${sold.data.sale.order.id}?fields=total,discount_total,items.adjustments.code,items.adjustments.amount`, owner)
    // Medusa counts the GST on it in the order's discount_total.
    expect([order.order.discount_total, order.order.items[0].adjustments]).toEqual([Math.round(waiver * 1.03) / 100, [expect.objectContaining({ code: "SCHEME-WAIVER", amount: waiver / 100 })]])
    // Not a seller's discount: nothing audited as one.
    const { data: audit } = await api.get("/admin/audit?action=pos.discount", owner)
    expect(audit.audit_entries.filter((e: { entity_id: string }) => e.entity_id === sold.data.sale.id)).toEqual([])
  })

  it("of 20 counters redeeming one matured card at once, exactly one does", async () => {
    const number = await cardEnrolledAgo(12, "sch-race-0001")
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => schemes().redeem({ number, customer_id: customerId, amount_paise: 12_000_00, sale_id: `race-sale-${i}`, today: istToday(), rate_per_g_paise: null }).then(
        () => "redeemed",
        (err: Error) => err.message
      ))
    )
    expect(attempts.filter((a) => a === "redeemed")).toHaveLength(1)
    expect(attempts.filter((a) => a !== "redeemed").every((a) => a.includes("was redeemed already"))).toBe(true)
    const [card] = await schemes().listSchemeEnrolments({ number })
    expect(card.status).toBe("redeemed")
    expect(attempts.indexOf("redeemed")).toBe(Number(card.redeemed_sale_id!.replace("race-sale-", "")))
  })

  it("reminds the customer before an instalment is due and tells them after its grace days ran out, once each", async () => {
    const number = await cardEnrolledAgo(2, "sch-remind-0001")
    const [card] = await schemes().listSchemeEnrolments({ number })
    // Enrolled two months ago with three instalments paid: the fourth is due three months after enrolment.
    const nextDue = addMonths(card.enrolled_on, 3)
    const messages = () => getContainer().resolve<MessagingModuleService>(MESSAGING_MODULE).listMessages({ customer_id: customerId, event: ["scheme_instalment_due", "scheme_instalment_missed"] })
    expect(await remindSchemeInstalments(getContainer(), addDays(nextDue, -4))).toEqual({ due: 0, missed: 0 })
    expect(await remindSchemeInstalments(getContainer(), addDays(nextDue, -3))).toEqual({ due: 1, missed: 0 })
    await remindSchemeInstalments(getContainer(), addDays(nextDue, -3))
    expect(await remindSchemeInstalments(getContainer(), addDays(nextDue, 7))).toEqual({ due: 0, missed: 0 })
    expect(await remindSchemeInstalments(getContainer(), addDays(nextDue, 8))).toEqual({ due: 0, missed: 1 })
    const sent = await messages()
    expect(sent.map((m) => m.event).sort()).toEqual(["scheme_instalment_due", "scheme_instalment_missed"])
    expect(sent.find((m) => m.event === "scheme_instalment_due")!.body).toContain(`card ${number}) is due on`)
  })

  it("shows the signed-in customer their own passbooks on the storefront, and nobody else's", async () => {
    const shopper = await signedInCustomer(api, store, { email: "scheme.shopper@example.in", password: "Shopper-password-1", first_name: "Asha" })
    const number = await cardEnrolledAgo(13, "sch-store-0001", shopper.id)
    await cardEnrolledAgo(2, "sch-store-0002")
    const { data } = await ok(api.get("/store/customers/me/schemes", shopper.me))
    expect(data.schemes).toHaveLength(1)
    expect(data.schemes[0]).toMatchObject({ number, status: "active", redeemable_value_paise: 12_000_00, statement: { matured: true, paid_count: 11 } })
    expect(data.schemes[0]).not.toHaveProperty("pan_masked")
    expect((await expectStatus(api.get("/store/customers/me/schemes", store))).status).toBe(401)
  })
}
