import type { ShopSuite } from "../support/runner"
import { BRANCH_MODULE } from "../../src/modules/branch"
import type BranchModuleService from "../../src/modules/branch/service"
import { demoShop, expectStatus, ok, pdfText, salesStaffHeaders, type Headers } from "./helpers"

const chain = { metal: "gold", description: "chain, broken clasp", gross_weight_mg: 12_350, deduction_weight_mg: 150, tested_purity: 916, purity_test: "xrf" }

export const oldGoldSuite: ShopSuite = ({ api, getContainer }) => {
  let owner: Headers
  let mumbaiStaff: Headers
  let puneStaff: Headers
  let branch: Record<string, string>
  let customerId: string

  beforeAll(() => setUp())

  async function setUp() {
    ;({ auth: owner } = await demoShop(getContainer(), api))
    const branches = await getContainer().resolve<BranchModuleService>(BRANCH_MODULE).listBranches({}, { select: ["id", "code"] })
    branch = Object.fromEntries(branches.map((b) => [b.code, b.id]))
    mumbaiStaff = await salesStaffHeaders(getContainer(), api, "counter.mum@example.in", branch.MUM)
    puneStaff = await salesStaffHeaders(getContainer(), api, "counter.pun@example.in", branch.PUN)
    const created = await expectStatus(api.post("/admin/customers", { first_name: "Lata", last_name: "Iyer", email: "lata.iyer@example.in" }, owner))
    expect([created.status, created.data.message]).toEqual([200, undefined])
    customerId = created.data.customer.id
    // The owner publishes shop-wide buying rates; Mumbai has its own 22K rate.
    const rates = [
      await expectStatus(api.post("/admin/old-gold/buying-rates", { rates: [{ metal: "gold", purity: 999, rate_per_g_paise: 740_000 }, { metal: "gold", purity: 916, rate_per_g_paise: 670_000 }] }, owner)),
      await expectStatus(api.post("/admin/old-gold/buying-rates", { branch_id: branch.MUM, rates: [{ metal: "gold", purity: 916, rate_per_g_paise: 680_000 }] }, owner)),
    ]
    expect(rates.map((r) => [r.status, r.data.message])).toEqual([[201, undefined], [201, undefined]])
  }

  it("values at the branch's buying rate, and leaves publishing rates to those who may", async () => {
    const mum = await ok(api.post("/admin/old-gold/valuations", { branch_id: branch.MUM, articles: [chain] }, mumbaiStaff))
    expect(mum.data).toMatchObject({ total_paise: 8_129_563, pan_required: false, articles: [{ net_weight_mg: 12_200, fine_weight_mg: 11_175, payable_fine_mg: 10_951 }] })
    const pun = await ok(api.post("/admin/old-gold/valuations", { branch_id: branch.PUN, articles: [chain] }, puneStaff))
    expect(pun.data.total_paise).toBe(8_010_011) // 10 951 mg × ₹6 700 ÷ 916 = 8 010 010.9 paise, at the shop-wide rate
    const elsewhere = await expectStatus(api.post("/admin/old-gold/valuations", { branch_id: branch.MUM, articles: [chain] }, puneStaff))
    expect([elsewhere.status, elsewhere.data.message]).toEqual([400, expect.stringContaining("belongs to another branch")])
    expect((await expectStatus(api.post("/admin/old-gold/buying-rates", { branch_id: branch.PUN, rates: [{ metal: "gold", purity: 916, rate_per_g_paise: 1 }] }, puneStaff))).status).toBe(403)
    const silver = await expectStatus(api.post("/admin/old-gold/valuations", { branch_id: branch.MUM, articles: [{ ...chain, metal: "silver", tested_purity: 925 }] }, mumbaiStaff))
    expect(silver.status).toBe(400)
    expect(silver.data.message).toContain("articles[0]: no buying rate is published for silver")
  })

  it("buys old gold in exchange once per key, numbered for the branch, and adds it to the branch's old-metal stock", async () => {
    const body = { idempotency_key: "og-exchange-0001", branch_id: branch.MUM, customer_id: customerId, kind: "exchange", articles: [chain], sale_credit_paise: 8_129_563 }
    const first = await ok(api.post("/admin/old-gold/vouchers", body, mumbaiStaff))
    expect(first.status).toBe(201)
    expect(first.data.voucher).toMatchObject({ kind: "exchange", total_value_paise: 8_129_563, sale_credit_paise: 8_129_563, identity: "not_needed" })
    expect(first.data.voucher.number).toMatch(/^MUM\/OG\d{2}-\d{2}\/0001$/)
    expect(first.data.voucher.articles).toHaveLength(1)
    const again = await ok(api.post("/admin/old-gold/vouchers", body, mumbaiStaff))
    expect(again.status).toBe(200)
    expect(again.data.voucher.id).toBe(first.data.voucher.id)
    const other = await expectStatus(api.post("/admin/old-gold/vouchers", { ...body, sale_credit_paise: 1, cash_paise: 8_129_562 }, mumbaiStaff))
    expect(other.status).toBe(409)

    const stock = await ok(api.get("/admin/old-gold/stock", mumbaiStaff))
    expect(stock.data.stock).toEqual([{ branch_id: branch.MUM, metal: "gold", fine_mg: 10_951 }])
    expect((await ok(api.get("/admin/old-gold/stock", puneStaff))).data.stock).toEqual([])
    // Another branch's staff do not see it, by list or by id.
    expect((await ok(api.get("/admin/old-gold/vouchers", puneStaff))).data.count).toBe(0)
    expect((await expectStatus(api.get(`/admin/old-gold/vouchers/${first.data.voucher.id}`, puneStaff))).status).toBe(404)
    expect((await ok(api.get(`/admin/old-gold/vouchers/${first.data.voucher.id}`, owner))).data.voucher.number).toBe(first.data.voucher.number)
    // The voucher to print and sign: every figure it was valued by, the total in words.
    const pdf = await ok(api.get(`/admin/old-gold/vouchers/${first.data.voucher.id}/pdf`, { ...mumbaiStaff, responseType: "arraybuffer" }))
    expect(pdf.status).toBe(200)
    const text = await pdfText(pdf.data)
    for (const shown of ["OLD GOLD EXCHANGE VOUCHER", first.data.voucher.number, "Lata Iyer", "chain, broken clasp", "12.350", "12.200", "916", "11.175", "10.951", "6,800.00", "81,295.63", "Credit against a purchase Rs. 81,295.63", "Customer's signature"]) {
      expect([shown, text.includes(shown)]).toEqual([shown, true])
    }
    expect(text).toMatch(/Eighty.One Thousand Two Hundred (and )?Ninety.Five/i)
    expect((await expectStatus(api.get(`/admin/old-gold/vouchers/${first.data.voucher.id}/pdf`, puneStaff))).status).toBe(404)
  })

  it("refuses what does not add up, cash above the day's limit and ₹2 lakh without PAN — and writes nothing", async () => {
    const heavy = { ...chain, gross_weight_mg: 40_000, deduction_weight_mg: 0 } // 36 640 mg fine → ≈ ₹2.6 lakh
    const base = { branch_id: branch.MUM, customer_id: customerId, kind: "purchase", articles: [heavy] }
    const value = (await ok(api.post("/admin/old-gold/valuations", { branch_id: branch.MUM, articles: [heavy] }, mumbaiStaff))).data.total_paise as number
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, idempotency_key: "og-bad-00001", bank_paise: value - 1, bank_reference: "UTR9" }, 400, "must add up to the value of the old gold"],
      [{ ...base, idempotency_key: "og-bad-00002", cash_paise: 20_000_00, bank_paise: value - 20_000_00, bank_reference: "UTR9", pan: "ABCDE1234F" }, 400, "cash for old gold is limited to ₹10000 a day"],
      [{ ...base, idempotency_key: "og-bad-00003", bank_paise: value, bank_reference: "UTR9" }, 400, "needs the customer's PAN or a Form 60"],
      [{ ...base, idempotency_key: "og-bad-00004", articles: [{ ...heavy, deduction_weight_mg: 40_000 }], bank_paise: 1, bank_reference: "UTR9" }, 400, "articles[0].deduction_weight_mg must be less than gross_weight_mg"],
      [{ ...base, idempotency_key: "og-bad-00005", bank_paise: value, bank_reference: "UTR9", pan: "ABCDE1234F", form_60: true }, 400, "give a PAN or a Form 60, not both"],
    ]
    for (const [body, status, message] of cases) {
      const res = await expectStatus(api.post("/admin/old-gold/vouchers", body, mumbaiStaff))
      expect([res.status, res.data.message]).toEqual([status, expect.stringContaining(message)])
    }
    // Each test starts from the file's set-up: no voucher was issued before these.
    expect((await ok(api.get(`/admin/old-gold/vouchers?customer_id=${customerId}`, owner))).data.count).toBe(0)

    const withPan = await ok(api.post("/admin/old-gold/vouchers", { ...base, idempotency_key: "og-pan-00001", bank_paise: value, bank_reference: "UTR9", pan: "abcde1234f" }, mumbaiStaff))
    expect(withPan.data.voucher).toMatchObject({ identity: "pan", pan_masked: "ABCDE****F", bank_paise: value })
    expect(withPan.data.voucher.number).toMatch(/\/0001$/)
  })

  it("sends old metal out of a branch's stock once per key, never below what the branch holds, and only by those who may", async () => {
    await ok(api.post("/admin/old-gold/vouchers", { idempotency_key: "og-move-0001", branch_id: branch.MUM, customer_id: customerId, kind: "exchange", articles: [chain], sale_credit_paise: 8_129_563 }, mumbaiStaff))
    const move = (body: Record<string, unknown>, who = owner) => expectStatus(api.post("/admin/old-gold/movements", { branch_id: branch.MUM, metal: "gold", ...body }, who))
    const out = await move({ idempotency_key: "og-refinery-01", kind: "to_refinery", fine_mg: 10_000, reference: "Challan R-17" })
    expect([out.status, out.data.message]).toEqual([201, undefined])
    expect(out.data.movement).toMatchObject({ kind: "to_refinery", fine_mg: -10_000, reference: "Challan R-17" })
    expect(out.data.stock).toEqual([{ branch_id: branch.MUM, metal: "gold", fine_mg: 951 }])
    const again = await move({ idempotency_key: "og-refinery-01", kind: "to_refinery", fine_mg: 10_000, reference: "Challan R-17" })
    expect([again.status, again.data.movement.id]).toEqual([200, out.data.movement.id])
    const refused: [Record<string, unknown>, number, string][] = [
      [{ idempotency_key: "og-refinery-02", kind: "melted", fine_mg: 952 }, 400, "the branch holds 951 mg of this metal; 952 mg cannot go out"],
      [{ idempotency_key: "og-refinery-03", kind: "scrap_sale", fine_mg: -5 }, 400, "only an adjustment may be negative"],
      [{ idempotency_key: "og-refinery-04", kind: "to_karigar", fine_mg: 1.5 }, 400, "fine_mg"],
      [{ idempotency_key: "og-refinery-01", kind: "melted", fine_mg: 10 }, 400, "this key recorded another movement"],
    ]
    for (const [body, status, message] of refused) {
      const res = await move(body)
      expect([res.status, res.data.message]).toEqual([status, expect.stringContaining(message)])
    }
    const counted = await move({ idempotency_key: "og-count-0001", kind: "adjustment", fine_mg: -1, note: "weighed at the monthly count" })
    expect(counted.data.stock).toEqual([{ branch_id: branch.MUM, metal: "gold", fine_mg: 950 }])
    // Sales staff buy old gold but do not send it out; another branch's manager would be refused the branch.
    expect((await move({ idempotency_key: "og-staff-0001", kind: "melted", fine_mg: 1 }, mumbaiStaff)).status).toBe(403)
    const ledger = await ok(api.get(`/admin/old-gold/movements?branch_id=${branch.MUM}`, mumbaiStaff))
    expect(ledger.data.movements.map((m: { kind: string; fine_mg: number }) => [m.kind, m.fine_mg])).toEqual([["adjustment", -1], ["to_refinery", -10_000], ["purchase", 10_951]])
    expect((await ok(api.get("/admin/old-gold/movements", puneStaff))).data.count).toBe(0)
  })
}
