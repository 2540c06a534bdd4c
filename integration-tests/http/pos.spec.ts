import { shopIntegrationRunner } from "../support/runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { CRM_MODULE } from "../../src/modules/crm"
import type CrmModuleService from "../../src/modules/crm/service"
import { INVOICING_MODULE } from "../../src/modules/invoicing"
import type InvoicingModuleService from "../../src/modules/invoicing/service"
import { LOYALTY_MODULE } from "../../src/modules/loyalty"
import type LoyaltyModuleService from "../../src/modules/loyalty/service"
import { MESSAGING_MODULE } from "../../src/modules/messaging"
import type MessagingModuleService from "../../src/modules/messaging/service"
import { POS_MODULE } from "../../src/modules/pos"
import type PosModuleService from "../../src/modules/pos/service"
import { webhooksProcessed } from "../support/payment-webhooks"
import { useLoopback } from "../support/loopback-server"
import { eventsSettled, waitFor } from "../support/wait"
import { RazorpayLoopback, razorpaySettings } from "../support/razorpay-loopback"
import sharp from "sharp"
import { demoShop, expectStatus, pdfText, salesStaffHeaders, signedInCustomer, type Headers } from "./helpers"

jest.setTimeout(240 * 1000)

// The official Razorpay SDK, pointed at a loopback Razorpay (payment links); set before the app reads its config.
const razorpay = useLoopback(new RazorpayLoopback(), razorpaySettings())

const COIN = "SGJ-COIN-24K-5G"
// One piece per tag: each showcase size is seven articles, No. 1–3 at Mumbai, 4–5 at Pune, 6–7 at Bengaluru
// (src/scripts/demo-shop/data.ts), so a test that sells a piece takes an article no other test sells.
const article = (tag: string, n: number) => (n === 1 ? tag : `${tag}-${n}`)
const RING = "SGJ-RNG-LAK-22K-12"
const NECKLACE = "SGJ-NCK-TMP-22K-16"
const BANGLE = "SGJ-BNG-KDA-22K-24"
/** A Mumbai ring no test sells: for quotes only. */
const RING_QUOTED = "SGJ-RNG-LAK-22K-14"

shopIntegrationRunner({
  testSuite: ({ api, getContainer }) => {
    let auth: Headers
    let store: Headers
    let branches: Record<string, { id: string; name: string; stock_location: { id: string }; sales_channel: { id: string } }>
    beforeAll(async () => {
      ;({ auth, store } = await demoShop(getContainer(), api))
      const { data } = await api.get("/admin/branches?fields=id,code,name,stock_location.id,sales_channel.id", auth)
      branches = Object.fromEntries(data.branches.map((b: { code: string }) => [b.code, b]))
    })

    const pos = () => getContainer().resolve<PosModuleService>(POS_MODULE)
    /** The points an order earned and its tax invoices: once both came (`paid`), or once its subscribers have all run. */
    async function valueOf(orderId: string, paid: boolean) {
      const read = async () => {
        const earned = await getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE).listPointsEntries({ order_id: orderId, type: "earn" })
        const invoices = (await getContainer().resolve<InvoicingModuleService>(INVOICING_MODULE).listOrderDocuments([orderId])).filter((d) => d.type === "invoice")
        return { earned: earned.map((e) => e.points), invoices: invoices.length }
      }
      if (paid) {
        return waitFor(`the points and invoice of order ${orderId}`, async () => {
          const value = await read()
          return value.earned.length && value.invoices ? value : undefined
        })
      }
      await eventsSettled(getContainer())
      return read()
    }
    let n = 0
    async function customer(points = 0) {
      n += 1
      const { data } = await api.post("/admin/crm/customers", { first_name: `Sunita ${n}`, last_name: "Joshi", email: `sunita${n}@example.in`, phone: `98203${String(10000 + n).slice(-5)}` }, auth)
      if (points) {
        await api.post(`/admin/loyalty/customers/${data.customer.id}/adjust`, { points, idempotency_key: `opening-${data.customer.id}`, reason: "opening balance" }, auth)
      }
      return data.customer.id as string
    }
    const stock = async (tag: string) => {
      const { data } = await api.get(`/admin/jewelry/tags/${tag}`, auth)
      return Object.fromEntries(data.stock.map((s: { branch_code: string; stocked: number }) => [s.branch_code, s.stocked]))
    }
    const quote = async (body: Record<string, unknown>) => {
      const res = await expectStatus(api.post("/admin/pos/quote", body, auth))
      expect([res.status, res.data.message]).toEqual([200, undefined])
      return res.data.quote
    }
    const sell = (body: Record<string, unknown>) => expectStatus(api.post("/admin/pos/orders", body, auth))
    const rupees = (paise: number) => paise / 100
    const paise = (amount: number) => Math.round(amount * 100)

    it("sells at the counter: pieces by tag, points and a split tender with change, the order in the branch's channel, stock down at that branch only", async () => {
      const customerId = await customer(1000)
      const before = { coin: await stock(COIN), ring: await stock(RING) }
      const items = [{ tag_code: COIN }, { tag_code: RING.toLowerCase() }]
      const q = await quote({ branch_id: branches.MUM.id, customer_id: customerId, items, loyalty_points: 500 })
      expect(q.lines.map((l: { tag_code: string }) => l.tag_code).sort()).toEqual([COIN, RING].sort())
      expect(q).toEqual(expect.objectContaining({ points_value: 500, points_balance: 1000, cash_received_today: 0 }))
      const bill = paise(q.total)
      // Card for most of it, ₹20,000 in notes: change comes back from the cash.
      const card = bill - 500_00 - 15_000_00
      const body = {
        idempotency_key: "MUM-BILL-000101",
        branch_id: branches.MUM.id,
        customer_id: customerId,
        items,
        loyalty_points: 500,
        tenders: [
          { kind: "card", amount: rupees(card), reference: "APPR 448812" },
          { kind: "cash", amount: "20,000" },
        ],
      }
      const sold = await sell(body)
      expect([sold.status, sold.data.message]).toEqual([201, undefined])
      const sale = sold.data.sale
      expect(sale).toEqual(expect.objectContaining({ total: q.total, points: 500, points_value: 500, cash_tendered: 20000, cash_kept: 15000, change_due: 5000, payment_link: null }))
      expect(sale.tenders.map((t: { kind: string; amount: number; tendered: number }) => [t.kind, t.amount, t.tendered])).toEqual([
        ["card", rupees(card), rupees(card)],
        ["cash", 15000, 20000],
        ["points", 500, 500],
      ])

      // The order: the branch's sales channel, one captured payment per tender, handed over.
      const { data } = await api.get(
        `/admin/orders/${sale.order.id}?fields=id,sales_channel_id,total,payment_status,fulfillment_status,metadata,payment_collections.payments.provider_id,payment_collections.payments.amount,payment_collections.payments.captures.amount`,
        auth
      )
      expect(data.order).toEqual(expect.objectContaining({ sales_channel_id: branches.MUM.sales_channel.id, payment_status: "captured", fulfillment_status: "delivered" }))
      expect(paise(data.order.total)).toBe(bill)
      const payments = data.order.payment_collections[0].payments
      expect(payments.map((p: { provider_id: string; amount: number }) => [p.provider_id, paise(p.amount)]).sort()).toEqual(
        [
          ["pp_instore_card", card],
          ["pp_instore_cash", 15_000_00],
          ["pp_instore_points", 500_00],
        ].sort()
      )
      expect(payments.every((p: { captures: unknown[] }) => p.captures.length === 1)).toBe(true)
      // Paid in full at the counter: the points and the tax invoice come at once.
      expect(await valueOf(sale.order.id, true)).toEqual({ earned: [expect.any(Number)], invoices: 1 })

      // Stock leaves Mumbai only.
      const after = { coin: await stock(COIN), ring: await stock(RING) }
      expect(after.coin).toEqual({ ...before.coin, MUM: before.coin.MUM - 1 })
      expect(after.ring).toEqual({ ...before.ring, MUM: before.ring.MUM - 1 })
      const { data: points } = await api.get(`/admin/loyalty/customers/${customerId}`, auth)
      expect(points.loyalty.history.some((e: { type: string; points: number }) => e.type === "redeem" && e.points === -500)).toBe(true)

      // The same request again: the same sale (read back, as the first answer made it from what it wrote), nothing sold
      // twice; the key for another sale is refused.
      const replay = await sell(body)
      expect([replay.status, replay.data.replayed]).toEqual([200, true])
      expect(replay.data.sale).toEqual(sale)
      expect(await stock(COIN)).toEqual(after.coin)
      const reused = await sell({ ...body, tenders: [{ kind: "card", amount: q.total - 500 }] })
      expect([reused.status, reused.data.message]).toEqual([409, expect.stringMatching(/was used for another sale/)])
    })

    /** What could have been written by a sale: orders, counter sales, stock, points, payments. */
    async function footprint(customerId: string, tags: string[]) {
      const { data: orders } = await api.get(`/admin/orders?customer_id=${customerId}&fields=id`, auth)
      const { data: points } = await api.get(`/admin/loyalty/customers/${customerId}`, auth)
      return {
        orders: orders.orders.length,
        sales: (await pos().listPosSales({ customer_id: customerId })).length,
        stock: await Promise.all(tags.map(stock)),
        points: points.loyalty.balance,
        payments: (await getContainer().resolve(Modules.PAYMENT).listPayments({})).length,
        fulfillments: (await getContainer().resolve(Modules.FULFILLMENT).listFulfillments({})).length,
      }
    }

    it("refuses bad sales with a clear 4xx and writes nothing", async () => {
      const customerId = await customer(300)
      const base = { branch_id: branches.MUM.id, customer_id: customerId, items: [{ tag_code: COIN }] }
      const q = await quote(base)
      const bill = paise(q.total)
      const before = await footprint(customerId, [COIN, NECKLACE])
      const refuse = async (body: Record<string, unknown>, status: number, message: RegExp) => {
        const res = await sell({ idempotency_key: `BAD-${Math.random().toString(36).slice(2, 10)}`, ...base, ...body })
        expect([res.status, res.data.message]).toEqual([status, expect.stringMatching(message)])
      }
      await refuse({ tenders: [{ kind: "upi", amount: rupees(bill - 1) }] }, 400, /add up to .* but the bill is .*: ₹0\.01 short/)
      await refuse({ tenders: [{ kind: "card", amount: rupees(bill + 100) }] }, 400, /only cash gives change/)
      await refuse({ loyalty_points: 301, tenders: [{ kind: "cash", amount: rupees(bill) }] }, 400, /Not enough points: the balance is 300, 301 were asked for/)
      await refuse({ items: [{ tag_code: "SGJ-NO-SUCH-PIECE" }, { tag_code: COIN }], tenders: [{ kind: "cash", amount: rupees(bill) }] }, 400, /Unknown tag code: SGJ-NO-SUCH-PIECE/)
      await refuse({ items: [{ tag_code: COIN, quantity: 7 }], tenders: [{ kind: "cash", amount: rupees(bill * 7) }] }, 409, /Out of stock at Mumbai – Zaveri Bazaar: SGJ-COIN-24K-5G \(6 available, 7 wanted\)/)
      await refuse({ branch_id: "br_nope", tenders: [{ kind: "cash", amount: 1 }] }, 404, /No active branch/)
      await refuse({ tenders: [{ kind: "cash", amount: "12.345" }] }, 400, /more than 2 decimals/)
      await refuse({ tenders: [{ kind: "cheque", amount: 10 }] }, 400, /kind is one of cash, card, upi, razorpay_link, old_gold/)
      await refuse({ tenders: [] }, 400, /field 'tenders' too small/)
      // Income Tax Act s.269ST: ₹2,00,000 or more in cash from one person in a day.
      const necklace = await quote({ ...base, items: [{ tag_code: NECKLACE }] })
      await refuse(
        { items: [{ tag_code: NECKLACE }], tenders: [{ kind: "cash", amount: 200000 }, { kind: "card", amount: rupees(paise(necklace.total) - 200000_00) }] },
        400,
        /^Cash of ₹2,00,000.00 or more from one customer in a day is not allowed \(Income Tax Act s.269ST\)/
      )
      expect(await footprint(customerId, [COIN, NECKLACE])).toEqual(before)

      // Cash earlier today counts: ₹1,50,000 in one sale, then ₹60,000 more is refused.
      const first = await sell({ idempotency_key: "MUM-BILL-CASH-1", ...base, form_60: true, items: [{ tag_code: NECKLACE }], tenders: [{ kind: "cash", amount: 150000 }, { kind: "upi", amount: rupees(paise(necklace.total) - 150000_00) }] })
      expect(first.status).toBe(201)
      // Another article of the necklace: the first is sold.
      await refuse(
        { items: [{ tag_code: article(NECKLACE, 2) }], tenders: [{ kind: "cash", amount: 60000 }, { kind: "card", amount: rupees(paise(necklace.total) - 60000_00) }] },
        400,
        /₹60,000.00 in cash and ₹1,50,000.00 was taken earlier today. Take at least ₹10,000.01/
      )
      const { data: q2 } = await api.post("/admin/pos/quote", base, auth)
      expect(q2.quote.cash_still_allowed_today).toBe(49999.99)
    })

    it("asks for PAN or Form 60 on a bill of ₹2 lakh or more before it completes, and sells nothing without it", async () => {
      const customerId = await customer()
      const items = [{ tag_code: "SGJ-COIN-24K-10G", quantity: 3 }]
      const q = await quote({ branch_id: branches.MUM.id, customer_id: customerId, items })
      expect([paise(q.total) >= 2_00_000_00, q.pan_required, q.pan_on_file]).toEqual([true, true, null])
      const small = await quote({ branch_id: branches.MUM.id, customer_id: customerId, items: [{ tag_code: COIN }] })
      expect(small.pan_required).toBe(false)
      const before = await stock("SGJ-COIN-24K-10G")
      const body = { idempotency_key: "MUM-BILL-PAN-01", branch_id: branches.MUM.id, customer_id: customerId, items, tenders: [{ kind: "card", amount: q.total, reference: "APPR 2" }] }
      const refused = await sell(body)
      expect([refused.status, refused.data.message]).toEqual([400, expect.stringContaining("pan: a sale of ")])
      expect(await stock("SGJ-COIN-24K-10G")).toEqual(before)
      expect(await pos().listPosSales({ customer_id: customerId })).toEqual([])
      const sold = await sell({ ...body, pan: "abcde1234f" })
      expect([sold.status, sold.data.message]).toEqual([201, undefined])
      expect(sold.data.sale).toMatchObject({ identity: "pan", pan_masked: "ABCDE****F" })
      // A PAN on the customer's profile counts; the masked PAN shows on the quote.
      const { data: created } = await api.post("/admin/crm/customers", { first_name: "Kavita", last_name: "Desai", phone: "9820377001", pan: "PQRST6789Z" }, auth)
      const withProfile = created.customer.id as string
      const q2 = await quote({ branch_id: branches.MUM.id, customer_id: withProfile, items: [{ tag_code: "SGJ-COIN-24K-10G", quantity: 3 }] })
      expect([q2.pan_required, q2.pan_on_file]).toEqual([true, "PQRST****Z"])
    })

    it("lets sales staff discount making charges within their limits, beyond them only with a manager's approval of that very bill — every discount audited", async () => {
      const staff = await salesStaffHeaders(getContainer(), api, "discount.staff@example.in", branches.MUM.id)
      const manager = await salesStaffHeaders(getContainer(), api, "discount.manager@example.in", branches.MUM.id, "branch_manager")
      // A PAN on the profile: these bills are above ₹2 lakh.
      const customerId = (await api.post("/admin/crm/customers", { first_name: "Rekha", last_name: "Nair", phone: "9820377002", pan: "LMNOP1234Q" }, auth)).data.customer.id as string
      const asStaff = (path: string, body: Record<string, unknown>, who = staff) => expectStatus(api.post(path, body, who))
      const base = { branch_id: branches.MUM.id, customer_id: customerId }
      const plain = (await asStaff("/admin/pos/quote", { ...base, items: [{ tag_code: article(NECKLACE, 3) }] })).data.quote
      const making = paise(plain.lines[0].making_charge)
      expect(making).toBeGreaterThan(0)
      // 10 % of the making charge is the salesperson's own limit (up to ₹5,000 a bill).
      const within = Math.min(Math.floor(making / 10), 5_000_00)
      const q = (await asStaff("/admin/pos/quote", { ...base, items: [{ tag_code: article(NECKLACE, 3), making_discount: rupees(within) }] })).data.quote
      expect([q.beyond_limits, paise(q.discount.making)]).toEqual([[], within])
      // 3 % GST on what is left.
      expect(paise(plain.total) - paise(q.total)).toBe(Math.round(within * 1.03))
      const sold = await asStaff("/admin/pos/orders", { ...base, idempotency_key: "MUM-DISC-0001", items: [{ tag_code: article(NECKLACE, 3), making_discount: rupees(within) }], tenders: [{ kind: "card", amount: q.total, reference: "A1" }] })
      expect([sold.status, sold.data.message]).toEqual([201, undefined])
      expect(sold.data.sale.total).toBe(q.total)
      const { data: order } = await api.get(`/admin/orders/${sold.data.sale.order.id}?fields=total,discount_total,items.adjustments.amount,items.adjustments.code`, auth)
      expect(order.order.items[0].adjustments).toEqual([expect.objectContaining({ code: "MAKING-DISCOUNT", amount: rupees(within) })])

      // A fifth of the making charge is beyond the limit: refused, nothing sold, until a manager approves this bill.
      const bigger = Math.floor(making / 5)
      const bill = { ...base, items: [{ tag_code: BANGLE, making_discount: rupees(Math.min(bigger, paise((await asStaff("/admin/pos/quote", { ...base, items: [{ tag_code: BANGLE }] })).data.quote.lines[0].making_charge) / 5)) }] }
      const asked = (await asStaff("/admin/pos/quote", bill)).data.quote
      expect(asked.beyond_limits).toEqual([expect.stringContaining("off a piece's making charge (your limit 10 %)")])
      const sale = (key: string, extra: Record<string, unknown> = {}) => asStaff("/admin/pos/orders", { ...bill, idempotency_key: key, tenders: [{ kind: "card", amount: asked.total, reference: "A2" }], ...extra })
      const refused = await sale("MUM-DISC-0002")
      expect([refused.status, refused.data.message]).toEqual([400, expect.stringContaining("Discounts beyond your limits")])
      expect((await pos().listPosSales({ idempotency_key: "MUM-DISC-0002" })).length).toBe(0)

      const request = await asStaff("/admin/pos/approvals", { ...bill, reason: "Wedding order, regular customer" })
      expect([request.status, request.data.approval.status]).toEqual([201, "pending"])
      const id = request.data.approval.id
      expect((await asStaff(`/admin/pos/approvals/${id}/approve`, {})).status).toBe(403)
      expect((await sale("MUM-DISC-0003", { approval_id: id })).data.message).toContain("it is pending")
      const queue = await expectStatus(api.get("/admin/pos/approvals?status=pending", manager))
      expect(queue.data.approvals.map((a: { id: string }) => a.id)).toEqual([id])
      const approved = await asStaff(`/admin/pos/approvals/${id}/approve`, { note: "ok" }, manager)
      expect([approved.status, approved.data.approval.status]).toEqual([200, "approved"])
      expect((await asStaff(`/admin/pos/approvals/${id}/reject`, {}, manager)).data.message).toContain("was approved already")
      const otherBill = await asStaff("/admin/pos/orders", { ...bill, items: [{ ...bill.items[0], making_discount: bill.items[0].making_discount - 1 }], idempotency_key: "MUM-DISC-0004", approval_id: id, tenders: [{ kind: "card", amount: asked.total, reference: "A3" }] })
      expect(otherBill.status).toBe(400)
      const withApproval = await sale("MUM-DISC-0005", { approval_id: id })
      expect([withApproval.status, withApproval.data.message]).toEqual([201, undefined])
      expect((await sale("MUM-DISC-0005", { approval_id: id })).status).toBe(200)
      // The bill's kada is one piece, now sold: no second bill of it, approval or not.
      const again = await sale("MUM-DISC-0006", { approval_id: id })
      expect([again.status, again.data.message]).toEqual([409, expect.stringContaining("Out of stock at Mumbai – Zaveri Bazaar: SGJ-BNG-KDA-22K-24 (0 available, 1 wanted)")])

      const { data: audit } = await api.get("/admin/audit?action=pos.discount", auth)
      expect(audit.audit_entries.map((e: { entity_id: string; metadata: { approved_by: string | null; making_discount_paise: number } }) => [e.entity_id, e.metadata.approved_by !== null, e.metadata.making_discount_paise]).sort()).toEqual(
        [[sold.data.sale.id, false, within], [withApproval.data.sale.id, true, paise(bill.items[0].making_discount)]].sort()
      )

      // The owner raises the salesperson's limit: the same discount needs no approval any more; a manager cannot approve beyond their own.
      const set = await expectStatus(api.post("/admin/pos/price-limits", { limits: [{ role: "sales_staff", making_discount_bps: 2_500, making_discount_paise: null, bill_discount_paise: 500_00 }] }, auth))
      expect(set.data.limits.find((l: { role: string }) => l.role === "sales_staff")).toEqual({ role: "sales_staff", making_discount_bps: 2_500, making_discount_paise: null, bill_discount_paise: 500_00, rate_change: "raise" })
      expect((await asStaff("/admin/pos/price-limits", { limits: [{ role: "sales_staff", making_discount_bps: 10_000, making_discount_paise: null, bill_discount_paise: null }] }, manager)).status).toBe(403)
      // (Quoted on the other size of kada: the first one is sold.)
      expect((await asStaff("/admin/pos/quote", { ...bill, items: [{ ...bill.items[0], tag_code: "SGJ-BNG-KDA-22K-26" }] })).data.quote.beyond_limits).toEqual([])
      const half = { ...base, items: [{ tag_code: RING_QUOTED, making_discount: rupees(Math.floor(paise((await asStaff("/admin/pos/quote", { ...base, items: [{ tag_code: RING_QUOTED }] })).data.quote.lines[0].making_charge) / 2)) }] }
      const tooMuch = await asStaff("/admin/pos/approvals", { ...half, reason: "Festival" })
      expect((await asStaff(`/admin/pos/approvals/${tooMuch.data.approval.id}/approve`, {}, manager)).data.message).toContain("beyond your own limits too")
      const overMaking = await asStaff("/admin/pos/quote", { ...base, items: [{ tag_code: RING_QUOTED, making_discount: 10_00_000 }] })
      expect([overMaking.status, overMaking.data.message]).toEqual([400, expect.stringContaining("is more than its making charge")])
    })

    it("lets sales staff raise a bill's metal rate but not lower it without a manager's approval; the piece is priced at the bill's rate and the change audited", async () => {
      const staff = await salesStaffHeaders(getContainer(), api, "rate.staff@example.in", branches.MUM.id)
      const manager = await salesStaffHeaders(getContainer(), api, "rate.manager@example.in", branches.MUM.id, "branch_manager")
      const customerId = await customer()
      const asStaff = (path: string, body: Record<string, unknown>, who = staff) => expectStatus(api.post(path, body, who))
      const { data: tag } = await api.get(`/admin/jewelry/tags/${article(RING, 2)}`, auth)
      const piece = tag.piece as { net_weight_mg: number; wastage_bp: number; making_type: string; making_value: number; purity: number }
      const pricedAt = paise(tag.breakdown.rate_per_g)
      const base = { branch_id: branches.MUM.id, customer_id: customerId, items: [{ tag_code: article(RING, 2) }] }
      const plain = (await asStaff("/admin/pos/quote", base)).data.quote

      // ₹100 a gram above the rate the ring is priced at: metal, wastage (and a percentage making) follow, computed here on their own.
      const raisedRate = pricedAt + 100_00
      const valueAt = (rate: number) => {
        const metal = Math.round((piece.net_weight_mg * rate) / 1000)
        const making = piece.making_type === "percent" ? Math.round((metal * piece.making_value) / 10_000) : 0
        return metal + Math.round((metal * piece.wastage_bp) / 10_000) + making
      }
      const raised = { ...base, rates: [{ metal: "gold", purity: piece.purity, rate_per_g: rupees(raisedRate) }] }
      const q = (await asStaff("/admin/pos/quote", raised)).data.quote
      expect([q.beyond_limits, q.discount.rates]).toEqual([[], [{ metal: "gold", purity: piece.purity, rate_per_g: rupees(raisedRate), priced_at_per_g: rupees(pricedAt) }]])
      expect(paise(q.lines[0].unit_price) - paise(plain.lines[0].unit_price)).toBe(valueAt(raisedRate) - valueAt(pricedAt))
      const sold = await asStaff("/admin/pos/orders", { ...raised, idempotency_key: "MUM-RATE-0001", tenders: [{ kind: "upi", amount: q.total, reference: "R1" }] })
      expect([sold.status, sold.data.message, sold.data.sale.total]).toEqual([201, undefined, q.total])
      const { data: order } = await api.get(`/admin/orders/${sold.data.sale.order.id}?fields=items.unit_price`, auth)
      expect(order.order.items[0].unit_price).toBe(q.lines[0].unit_price)

      // Lowered by ₹1 a gram: refused for the salesperson, nothing sold, until a manager approves that very bill.
      // Another article of the same ring: the first is sold.
      const lowered = { ...base, items: [{ tag_code: article(RING, 3) }], rates: [{ metal: "gold", purity: piece.purity, rate_per_g: rupees(pricedAt - 1_00) }] }
      const low = (await asStaff("/admin/pos/quote", lowered)).data.quote
      expect(low.beyond_limits).toEqual([expect.stringContaining("your role may only raise the metal rate")])
      const sale = (key: string, extra: Record<string, unknown> = {}) => asStaff("/admin/pos/orders", { ...lowered, idempotency_key: key, tenders: [{ kind: "upi", amount: low.total, reference: "R2" }], ...extra })
      const refused = await sale("MUM-RATE-0002")
      expect([refused.status, refused.data.message]).toEqual([400, expect.stringContaining("your role may only raise the metal rate")])
      expect((await pos().listPosSales({ idempotency_key: "MUM-RATE-0002" })).length).toBe(0)
      const request = await asStaff("/admin/pos/approvals", { ...lowered, reason: "Matching yesterday's quote" })
      expect([request.status, request.data.approval.request.rate_changes]).toEqual([201, [{ metal: "gold", purity: piece.purity, from_paise: pricedAt, to_paise: pricedAt - 1_00 }]])
      expect((await asStaff(`/admin/pos/approvals/${request.data.approval.id}/approve`, {}, manager)).status).toBe(200)
      // The approval is for that rate: another rate on the same pieces does not use it.
      const otherRate = await asStaff("/admin/pos/orders", { ...lowered, rates: [{ metal: "gold", purity: piece.purity, rate_per_g: rupees(pricedAt - 2_00) }], idempotency_key: "MUM-RATE-0003", approval_id: request.data.approval.id, tenders: [{ kind: "upi", amount: low.total, reference: "R3" }] })
      expect(otherRate.status).toBe(400)
      const approved = await sale("MUM-RATE-0004", { approval_id: request.data.approval.id })
      expect([approved.status, approved.data.message]).toEqual([201, undefined])

      const { data: audit } = await api.get("/admin/audit?action=pos.discount", auth)
      const entries = audit.audit_entries.filter((e: { entity_id: string }) => [sold.data.sale.id, approved.data.sale.id].includes(e.entity_id))
      expect(entries.map((e: { metadata: { rate_changes: { to_paise: number }[]; approved_by: string | null } }) => [e.metadata.rate_changes[0].to_paise, e.metadata.approved_by !== null]).sort()).toEqual([[pricedAt - 1_00, true], [raisedRate, false]].sort())
      // A rate for a purity not on the bill is refused with the field named.
      const stray = await asStaff("/admin/pos/quote", { ...base, items: [{ tag_code: RING_QUOTED }], rates: [{ metal: "silver", purity: 925, rate_per_g: 90 }] })
      expect([stray.status, stray.data.message]).toEqual([400, "rates: no piece on this bill is priced by the silver 925 rate"])
      // A quote reads a branch's stock and prices as the sale would: another branch's is not the salesperson's to read.
      const elsewhere = await asStaff("/admin/pos/quote", { ...base, items: [{ tag_code: RING_QUOTED }], branch_id: branches.BLR.id })
      expect([elsewhere.status, elsewhere.data.message]).toEqual([400, expect.stringContaining("belongs to another branch")])
    })

    it("prints an estimate with today's breakdown and old gold set against it, and sells it at its prices while the rates hold", async () => {
      const customerId = await customer()
      await api.post("/admin/old-gold/buying-rates", { rates: [{ metal: "gold", purity: 916, rate_per_g_paise: 6_000_00 }] }, auth)
      const ring = { metal: "gold", description: "old ring", gross_weight_mg: 2_000, tested_purity: 916, purity_test: "xrf", melting_loss_bps: 0 }
      const body = { branch_id: branches.MUM.id, customer_id: customerId, items: [{ tag_code: COIN }] }
      const made = await expectStatus(api.post("/admin/pos/estimates", { ...body, old_gold: [ring] }, auth))
      expect([made.status, made.data.message]).toEqual([201, undefined])
      const estimate = made.data.estimate
      const q = await quote(body)
      // 2 g at 916 = 1 832 mg fine, no loss, at ₹6,000/g of 916: ₹12,000.
      expect(estimate).toMatchObject({ number: expect.stringMatching(/^E-MUM-\d{6}$/), valid: true, total_paise: paise(q.total), old_gold_paise: 12_000_00, to_pay_paise: paise(q.total) - 12_000_00 })
      const line = estimate.document.lines[0]
      expect(line).toMatchObject({ tag_code: COIN, purity: 999, net_weight_mg: 5_000 })
      expect(line.breakdown.metal_value + line.breakdown.making_charge + line.breakdown.wastage_value + line.breakdown.stone_value + line.breakdown.other_charges).toBe(line.taxable_paise)
      expect(estimate.document.gst_paise).toBe(paise(q.total) - line.taxable_paise)
      for (const format of ["a4", "thermal"]) {
        const pdf = await expectStatus(api.get(`/admin/pos/estimates/${estimate.id}/pdf?format=${format}`, { ...auth, responseType: "arraybuffer" }))
        expect(pdf.status).toBe(200)
        const text = await pdfText(pdf.data)
        for (const shown of ["ESTIMATE — NOT A TAX INVOICE", estimate.number, "old ring", "To pay", "Making charges"]) {
          expect([format, shown, text.includes(shown)]).toEqual([format, shown, true])
        }
      }
      expect((await expectStatus(api.get(`/admin/pos/estimates/${estimate.id}/pdf?format=a5`, auth))).status).toBe(400)

      // Sold from the estimate at its prices; an estimate makes one sale.
      const sale = (key: string, id: string) => sell({ ...body, idempotency_key: key, estimate_id: id, tenders: [{ kind: "upi", amount: q.total, reference: "U1" }] })
      const sold = await sale("MUM-EST-0001", estimate.id)
      expect([sold.status, sold.data.message]).toEqual([201, undefined])
      expect((await api.get(`/admin/pos/estimates/${estimate.id}`, auth)).data.estimate).toMatchObject({ sale_id: sold.data.sale.id, valid: false })
      expect((await sale("MUM-EST-0002", estimate.id)).data.message).toContain("was made into a sale already")

      // A new buying rate: the estimate no longer holds, and a sale made from it is refused.
      const second = (await api.post("/admin/pos/estimates", body, auth)).data.estimate
      await api.post("/admin/old-gold/buying-rates", { rates: [{ metal: "gold", purity: 916, rate_per_g_paise: 6_100_00 }] }, auth)
      expect((await api.get(`/admin/pos/estimates/${second.id}`, auth)).data.estimate.valid).toBe(false)
      const stale = await sale("MUM-EST-0003", second.id)
      expect([stale.status, stale.data.message]).toEqual([400, expect.stringContaining(`the rates changed since estimate ${second.number} was made`)])
    })

    it("sells a piece once when two counters sell it at the same moment, and a replayed request once however often it comes", async () => {
      // A ring in Bengaluru: one article, so one sale.
      const ring = article(RING, 6)
      expect(await stock(ring)).toEqual({ MUM: 0, PUN: 0, BLR: 1 })
      const [a, b] = [await customer(), await customer()]
      const total = (await quote({ branch_id: branches.BLR.id, customer_id: a, items: [{ tag_code: ring }] })).total
      const sale = (customerId: string, key: string) => sell({ idempotency_key: key, branch_id: branches.BLR.id, customer_id: customerId, items: [{ tag_code: ring }], tenders: [{ kind: "upi", amount: total }] })
      const raced = await Promise.all([sale(a, "BLR-RACE-A-0001"), sale(b, "BLR-RACE-B-0001")])
      expect(raced.map((r) => r.status).sort()).toEqual([201, 409])
      expect(raced.find((r) => r.status === 409)!.data.message).toMatch(/Out of stock at Bengaluru/)
      expect(await stock(ring)).toEqual({ MUM: 0, PUN: 0, BLR: 0 })

      // Five copies of one request at once: one sale, the others answered with it.
      const c = await customer()
      const coinTotal = (await quote({ branch_id: branches.PUN.id, customer_id: c, items: [{ tag_code: COIN }] })).total
      const before = (await stock(COIN)).PUN
      const body = { idempotency_key: "PUN-BILL-000555", branch_id: branches.PUN.id, customer_id: c, items: [{ tag_code: COIN }], tenders: [{ kind: "cash", amount: coinTotal }] }
      const copies = await Promise.all([0, 1, 2, 3, 4].map(() => sell(body)))
      expect(copies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201])
      expect(new Set(copies.map((r) => r.data.sale.id)).size).toBe(1)
      expect((await stock(COIN)).PUN).toBe(before - 1)
      expect(await pos().listPosSales({ customer_id: c })).toHaveLength(1)
    })

    const hook = () => `${api.defaults.baseURL}/hooks/payment/razorpay_razorpay`
    const processed = (eventIds: string[]) => webhooksProcessed(getContainer(), eventIds)

    it("gives pieces on approval: out of stock and on the follow-up list; one returned, one bought with the memo, a returned one refused; the memo closes with its task", async () => {
      const CHAIN = "SGJ-CHN-RPE-22K-18"
      // Articles of the necklace and the kada that no other test sells.
      const necklace = article(NECKLACE, 2)
      const bangle = article(BANGLE, 2)
      const customerId = await customer()
      const crm = () => getContainer().resolve<CrmModuleService>(CRM_MODULE)
      const before = { necklace: await stock(necklace), bangle: await stock(bangle), chain: await stock(CHAIN) }
      const due = new Date(Date.now() + 2 * 86_400_000).toISOString()
      const body = { branch_id: branches.MUM.id, customer_id: customerId, pieces: [{ tag_code: necklace }, { tag_code: bangle.toLowerCase() }, { tag_code: CHAIN }], due_at: due, idempotency_key: "MUM-MEMO-0001" }
      const given = await expectStatus(api.post("/admin/approval-memos", body, auth))
      expect([given.status, given.data.message]).toEqual([201, undefined])
      const memo = given.data.memo
      expect(memo).toMatchObject({ status: "open", overdue: false, branch: { code: "MUM" }, customer: { id: customerId, name: expect.stringMatching(/Joshi$/) }, summary: { out: 3, returned: 0, sold: 0, pieces: 3 } })
      expect(memo.number).toMatch(/^MUM\/AP\d{2}-\d{2}\/\d{4}$/)
      expect(memo.value_paise).toBeGreaterThan(0)
      // Out of Mumbai's stock; the tag lookup says with whom; the memo is on the branch's follow-up list for its due date.
      expect(await stock(necklace)).toEqual({ ...before.necklace, MUM: before.necklace.MUM - 1 })
      expect(await stock(CHAIN)).toEqual({ ...before.chain, MUM: before.chain.MUM - 1 })
      const lookup = await api.get(`/admin/jewelry/tags/${necklace}`, auth)
      expect(lookup.data.on_approval).toEqual([expect.objectContaining({ memo_id: memo.id, number: memo.number, quantity: 1 })])
      const [task] = await crm().listFollowUpTasks({ id: memo.follow_up_task_id })
      expect(task).toMatchObject({ customer_id: customerId, branch_id: branches.MUM.id, status: "open", title: expect.stringContaining(`${memo.number}: 3 pieces`) })
      expect(new Date(task.due_at).toISOString()).toBe(due)
      // The same key again: the same memo, nothing more given.
      const again = await expectStatus(api.post("/admin/approval-memos", body, auth))
      expect([again.status, again.data.memo.id]).toEqual([200, memo.id])
      expect((await stock(necklace)).MUM).toBe(before.necklace.MUM - 1)
      // Bad notes: nothing written.
      const far = await expectStatus(api.post("/admin/approval-memos", { ...body, idempotency_key: undefined, due_at: new Date(Date.now() + 40 * 86_400_000).toISOString() }, auth))
      expect([far.status, far.data.message]).toEqual([400, "due_at: pieces go on approval for at most 30 days"])
      const unknown = await expectStatus(api.post("/admin/approval-memos", { ...body, idempotency_key: undefined, pieces: [{ tag_code: "SGJ-NO-SUCH" }] }, auth))
      expect([unknown.status, unknown.data.message]).toEqual([400, "No piece has the tag SGJ-NO-SUCH"])
      const pune = await salesStaffHeaders(getContainer(), api, "memo.pune@example.in", branches.PUN.id)
      expect((await expectStatus(api.get(`/admin/approval-memos/${memo.id}`, pune))).status).toBe(404)
      expect((await expectStatus(api.post(`/admin/approval-memos/${memo.id}/returns`, { tags: [bangle] }, pune))).status).toBe(404)

      // The bangle comes back.
      const returned = await expectStatus(api.post(`/admin/approval-memos/${memo.id}/returns`, { tags: [bangle.toLowerCase()] }, auth))
      expect([returned.status, returned.data.memo.summary]).toEqual([200, { out: 2, returned: 1, sold: 0, pieces: 3 }])
      expect(await stock(bangle)).toEqual(before.bangle)
      const twice = await expectStatus(api.post(`/admin/approval-memos/${memo.id}/returns`, { tags: [bangle] }, auth))
      expect([twice.status, twice.data.message]).toEqual([409, `Approval memo ${memo.number}: ${bangle} was returned already`])

      // Bought with the memo: the chain; the returned bangle is refused by name and nothing is sold.
      const q = await quote({ branch_id: branches.MUM.id, customer_id: customerId, items: [{ tag_code: CHAIN }], memo_id: memo.id })
      const sale = (items: { tag_code: string }[], key: string, amount: number) =>
        sell({ idempotency_key: key, branch_id: branches.MUM.id, customer_id: customerId, memo_id: memo.id, items, tenders: [{ kind: "card", amount, reference: "APPR 77120" }] })
      const withReturned = await sale([{ tag_code: CHAIN }, { tag_code: bangle }], "MUM-MEMO-SALE-1", Math.round(q.total * 300) / 100)
      expect([withReturned.status, withReturned.data.message]).toEqual([409, `Approval memo ${memo.number}: ${bangle} was returned from this memo and is back in stock; sell it without the memo`])
      expect(await stock(CHAIN)).toEqual({ ...before.chain, MUM: before.chain.MUM - 1 })
      expect((await api.get(`/admin/approval-memos/${memo.id}`, auth)).data.memo.summary).toEqual({ out: 2, returned: 1, sold: 0, pieces: 3 })
      const bought = await sale([{ tag_code: CHAIN }], "MUM-MEMO-SALE-2", q.total)
      expect([bought.status, bought.data.message]).toEqual([201, undefined])
      expect(await stock(CHAIN)).toEqual({ ...before.chain, MUM: before.chain.MUM - 1 })
      const afterSale = (await api.get(`/admin/approval-memos/${memo.id}`, auth)).data
      expect(afterSale.memo).toMatchObject({ status: "open", summary: { out: 1, returned: 1, sold: 1, pieces: 3 } })
      expect(afterSale.lines.find((l: { tag_code: string }) => l.tag_code === CHAIN)).toMatchObject({ state: "sold", order_id: bought.data.sale.order.id })
      const otherCustomer = await customer()
      const notTheirs = await sell({ idempotency_key: "MUM-MEMO-SALE-3", branch_id: branches.MUM.id, customer_id: otherCustomer, memo_id: memo.id, items: [{ tag_code: necklace }], tenders: [{ kind: "card", amount: 1, reference: "X" }] })
      expect(notTheirs.status).toBeGreaterThanOrEqual(400)
      expect(notTheirs.status).toBeLessThan(500)

      // Past its due date it is overdue.
      await getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION).raw("update approval_memo set due_at = now() - interval '1 day' where id = ?", [memo.id])
      const overdue = await api.get(`/admin/approval-memos?overdue=true&customer_id=${customerId}`, auth)
      expect(overdue.data.memos.map((m: { id: string; overdue: boolean }) => [m.id, m.overdue])).toEqual([[memo.id, true]])

      // The necklace comes back: the memo closes, its task is done, the stock is as it was but for the chain sold.
      const closed = await expectStatus(api.post(`/admin/approval-memos/${memo.id}/returns`, { tags: [necklace] }, auth))
      expect(closed.data.memo).toMatchObject({ status: "closed", overdue: false, summary: { out: 0, returned: 2, sold: 1, pieces: 3 } })
      expect(await stock(necklace)).toEqual(before.necklace)
      expect((await crm().listFollowUpTasks({ id: memo.follow_up_task_id }))[0]).toMatchObject({ status: "done" })
      expect((await api.get(`/admin/jewelry/tags/${necklace}`, auth)).data.on_approval).toEqual([])

      const pdf = await api.get(`/admin/approval-memos/${memo.id}/pdf`, { ...auth, responseType: "arraybuffer" })
      const text = await pdfText(pdf.data)
      expect(text).toContain("APPROVAL MEMO")
      expect(text).toContain(memo.number)
      // A long tag wraps in its column after a dash.
      expect(text.replace(/- /g, "-")).toContain(necklace)
      expect(text).toContain("Customer's signature")
      const trail = (await api.get(`/admin/audit?entity=approval_memo&entity_id=${memo.id}`, auth)).data.audit_entries.map((e: { action: string }) => e.action)
      expect(trail.sort()).toEqual(["approval_memo.issued", "approval_memo.returned", "approval_memo.returned"])
    })

    it("follows a repair through the workshop: received, with the karigar, ready, delivered within the allowed loss, the customer told at each step", async () => {
      const customerId = await customer()
      const messages = async () =>
        (await getContainer().resolve<MessagingModuleService>(MESSAGING_MODULE).listMessages({ customer_id: customerId, event: "job_card_update" }, { order: { created_at: "ASC" } })).map((m) => m.body)
      const due = new Date(Date.now() + 5 * 86_400_000).toISOString()
      const body = {
        branch_id: branches.MUM.id,
        customer_id: customerId,
        kind: "repair",
        article: "22K rope chain, 18 in",
        work: "Solder the broken clasp, polish",
        gross_weight_in: "12.600",
        net_weight_in: "12.480",
        estimate: 450,
        due_at: due,
        idempotency_key: "MUM-JOB-0001",
      }
      const taken = await expectStatus(api.post("/admin/job-cards", body, auth))
      expect([taken.status, taken.data.message]).toEqual([201, undefined])
      const job = taken.data.job
      expect(job).toMatchObject({
        status: "received",
        kind: "repair",
        net_weight_in_mg: 12_480,
        gross_weight_in_mg: 12_600,
        allowed_loss_bps: 50,
        least_weight_out_mg: 12_418,
        estimate_paise: 45_000,
        branch: { code: "MUM" },
        overdue: false,
      })
      expect(job.number).toMatch(/^MUM\/JC\d{2}-\d{2}\/\d{4}$/)
      expect((await expectStatus(api.post("/admin/job-cards", body, auth))).data.job.id).toBe(job.id)
      expect(await messages()).toEqual([expect.stringContaining(`22K rope chain, 18 in (job ${job.number}) is received at Mumbai`)])

      // An advance on a receipt voucher: the same key again answers it; more than the estimate with GST (₹531) is refused.
      const advance = (body: Record<string, unknown>) => expectStatus(api.post(`/admin/job-cards/${job.id}/payments`, body, auth))
      const paid = await advance({ tender: "cash", amount: 200, idempotency_key: "MUM-JOB-0001-ADV" })
      expect([paid.status, paid.data.message]).toEqual([201, undefined])
      expect(paid.data.payment).toMatchObject({ kind: "advance", tender: "cash", amount_paise: 200_00, number: expect.stringMatching(/^MUM\/RV\d{2}-\d{2}\/\d{4}$/) })
      expect(paid.data.job.paid_paise).toBe(200_00)
      const again = await advance({ tender: "cash", amount: 200, idempotency_key: "MUM-JOB-0001-ADV" })
      expect([again.status, again.data.payment.id]).toEqual([200, paid.data.payment.id])
      const tooMuch = await advance({ tender: "upi", amount: 400 })
      expect([tooMuch.status, tooMuch.data.message]).toEqual([409, `Job ${job.number}: Advances would come to ₹600.00, more than the estimate with GST (₹531.00); ₹331.00 more at most`])
      expect((await advance({ tender: "cheque", amount: 10 })).status).toBe(400)
      const voucher = await pdfText((await api.get(`/admin/job-cards/${job.id}/payments/${paid.data.payment.id}/voucher`, { ...auth, responseType: "arraybuffer" })).data)
      for (const line of [`RECEIPT VOUCHER ${paid.data.payment.number}`, "Rs. 200.00", "SAC 998892 at 18 %"]) {
        expect(voucher).toContain(line)
      }

      const step = (status: string, extra: Record<string, unknown> = {}) => expectStatus(api.post(`/admin/job-cards/${job.id}/steps`, { status, ...extra }, auth))
      // Not delivered before it is ready; not to a karigar without saying which.
      const early = await step("delivered", { gross_weight_out: "12.6", net_weight_out: "12.48" })
      expect([early.status, early.data.message]).toEqual([409, `Job ${job.number}: A job received cannot become delivered; next: with the karigar, ready for pickup, cancelled`])
      expect((await step("with_karigar")).status).toBe(400)
      expect((await step("with_karigar", { karigar_name: "Ramesh Soni" })).data.job).toMatchObject({ status: "with_karigar", karigar_name: "Ramesh Soni" })
      expect((await step("ready")).data.job.status).toBe("ready")
      // Handed back lighter than the allowed loss: refused, naming the least it may weigh; nothing written.
      const light = await step("delivered", { gross_weight_out: "12.530", net_weight_out: "12.417" })
      expect([light.status, light.data.message]).toEqual([
        409,
        `Job ${job.number}: weight out 12.417 g is below what the job allows: 12.480 g in, at most 0.5 % loss, so at least 12.418 g; weigh it again or settle the loss with the customer first`,
      ])
      expect((await api.get(`/admin/job-cards/${job.id}`, auth)).data.job).toMatchObject({ status: "ready", net_weight_out_mg: null })
      // The balance of the bill (₹450 + 18 % GST = ₹531, less the ₹200 advance) must be met exactly; nothing is written until it is.
      const weighed = { gross_weight_out: "12.540", net_weight_out: "12.430" }
      const unpaid = await step("delivered", weighed)
      expect([unpaid.status, unpaid.data.message]).toEqual([400, `Job ${job.number}: The balance is ₹331.00 (the bill is ₹531.00, ₹200.00 paid in advance); the tenders come to ₹0.00`])
      expect((await api.get(`/admin/job-cards/${job.id}`, auth)).data.job).toMatchObject({ status: "ready", paid_paise: 200_00, invoice: null })
      const delivered = await step("delivered", { ...weighed, tenders: [{ tender: "upi", amount: 331, reference: "UPI-77821" }] })
      expect([delivered.status, delivered.data.message]).toEqual([200, undefined])
      expect(delivered.data.job).toMatchObject({
        status: "delivered",
        net_weight_out_mg: 12_430,
        gross_weight_out_mg: 12_540,
        delivered_by: { id: expect.any(String) },
        charges_paise: 450_00,
        paid_paise: 531_00,
        invoice: { number: expect.stringMatching(/^MUM\/\d{2}-\d{2}\/\d{6}$/) },
      })
      expect(delivered.data.job.payments.map((p: { kind: string; tender: string; amount_paise: number }) => [p.kind, p.tender, p.amount_paise])).toEqual([
        ["advance", "cash", 200_00],
        ["balance", "upi", 331_00],
      ])
      // The work's GST invoice: one line at SAC 998892, 9 % + 9 %, paid by the advance and the balance.
      const invoice = (await api.get(`${delivered.data.job.invoice.url}?format=json`, auth)).data.tax_document
      expect(invoice.body.charges).toEqual([expect.objectContaining({ sac: "998892", taxable_value: 450_00, cgst: 40_50, sgst: 40_50 })])
      expect([invoice.body.totals.grand_total, invoice.body.tendered, invoice.body.job.number]).toEqual([531_00, 531_00, job.number])
      const invoicePdf = await pdfText((await api.get(delivered.data.job.invoice.url, { ...auth, responseType: "arraybuffer" })).data)
      expect(invoicePdf).toContain(`Job card`)
      expect(invoicePdf).toContain("998892")
      // The day's reconciliation counts both at the branch, by their tenders.
      const today = new Date(Date.now() + 5.5 * 3_600_000).toISOString().slice(0, 10)
      const recon = (await api.get(`/admin/payments/reconciliation?date=${today}&branch_id=${branches.MUM.id}&limit=500`, auth)).data
      const mine = recon.entries.filter((e: { id: string }) => delivered.data.job.payments.some((p: { id: string }) => p.id === e.id))
      expect(mine.map((e: { kind: string; tender: string; amount_paise: number; reference: string }) => [e.kind, e.tender, e.amount_paise, e.reference])).toEqual([
        ["captured", "cash", 200_00, paid.data.payment.number],
        ["captured", "upi", 331_00, "UPI-77821"],
      ])
      // Tally: the work's invoice as a Sales voucher, the advance and the balance as Receipt vouchers.
      const tally = (await api.get(`/admin/reports/tally?from=${today}&to=${today}&branch_id=${branches.MUM.id}&format=csv`, { ...auth, responseType: "text" })).data as string
      expect(tally).toContain(`Tax invoice for job card ${job.number}`)
      expect(tally).toContain(paid.data.payment.number)
      expect(tally).toContain(`Received for job card ${job.number}`)
      expect((await advance({ tender: "cash", amount: 10 })).status).toBe(409)
      expect((await step("ready")).status).toBe(409)
      expect((await messages()).map((m) => /is (.+) at Mumbai/.exec(m)?.[1])).toEqual(["received", "with the karigar", "ready for pickup", "delivered"])
      const card = await pdfText((await api.get(`/admin/job-cards/${job.id}/pdf`, { ...auth, responseType: "arraybuffer" })).data)
      for (const line of [`REPAIR JOB CARD ${job.number}`, "22K rope chain, 18 in", "12.600 g gross, 12.480 g net", "12.418 g net (0.5 % loss allowed)", "Rs. 450.00", "12.540 g gross, 12.430 g net"]) {
        expect(card).toContain(line)
      }
      const trail = (await api.get(`/admin/audit?entity=job_card&entity_id=${job.id}`, auth)).data.audit_entries.map((e: { action: string }) => e.action)
      expect(trail.sort()).toEqual(["job_card.advance", "job_card.delivered", "job_card.ready", "job_card.received", "job_card.with_karigar"])
      // The counter report's workshop section counts it: taken in and delivered today, nothing left in the workshop.
      const day = new Date(Date.now() + 5.5 * 3_600_000).toISOString().slice(0, 10)
      const workshop = (await api.get(`/admin/reports/counter?from=${day}&to=${day}&branch_id=${branches.MUM.id}`, auth)).data.sections.find((s: { id: string }) => s.id === "workshop")
      expect(Object.fromEntries(workshop.figures.map((f: { label: string; value: number }) => [f.label, f.value]))).toEqual({
        "Jobs taken in": 1,
        "Estimates (₹)": 45_000,
        Delivered: 1,
        "In the workshop now": 0,
        "Overdue now": 0,
      })

      // Another branch's staff do not see it; a due date in the past is refused.
      const pune = await salesStaffHeaders(getContainer(), api, "job.pune@example.in", branches.PUN.id)
      expect((await expectStatus(api.get(`/admin/job-cards/${job.id}`, pune))).status).toBe(404)
      const past = await expectStatus(api.post("/admin/job-cards", { ...body, idempotency_key: undefined, due_at: "2020-01-01T00:00:00Z" }, auth))
      expect([past.status, past.data.message]).toEqual([400, "due_at: a job is due from today to six months on"])
    })

    it("hands a cancelled job's advances back the way they came, on a refund voucher, and bills a job delivered for less than was paid", async () => {
      const customerId = await customer()
      const take = async (key: string) =>
        (
          await api.post(
            "/admin/job-cards",
            { branch_id: branches.MUM.id, customer_id: customerId, kind: "repair", article: "Silver anklets, pair", work: "Re-string", gross_weight_in: "61.2", net_weight_in: "61.2", estimate: 500, due_at: new Date(Date.now() + 3 * 86_400_000).toISOString(), idempotency_key: key },
            auth
          )
        ).data.job
      const pay = (id: string, body: Record<string, unknown>) => expectStatus(api.post(`/admin/job-cards/${id}/payments`, body, auth))
      const cancelled = await take("MUM-JOB-REFUND-1")
      await pay(cancelled.id, { tender: "cash", amount: 100 })
      await pay(cancelled.id, { tender: "upi", amount: 250, reference: "UPI-1" })
      const given = await expectStatus(api.post(`/admin/job-cards/${cancelled.id}/steps`, { status: "cancelled" }, auth))
      expect([given.status, given.data.job.paid_paise]).toEqual([200, 0])
      const refunds = given.data.job.payments.filter((p: { kind: string }) => p.kind === "refund")
      expect(refunds.map((p: { tender: string; amount_paise: number }) => [p.tender, p.amount_paise])).toEqual([
        ["upi", 250_00],
        ["cash", 100_00],
      ])
      expect(refunds[0].number).toMatch(/^MUM\/RF\d{2}-\d{2}\/\d{4}$/)
      expect(await pdfText((await api.get(refunds[0].voucher_url, { ...auth, responseType: "arraybuffer" })).data)).toContain(`REFUND VOUCHER ${refunds[0].number}`)
      expect(given.data.job.invoice).toBeNull()

      // ₹590 paid in advance (₹500 + 18 %); the work came to ₹300 (₹354 with GST): ₹236 goes back, no tenders taken.
      const cheaper = await take("MUM-JOB-REFUND-2")
      await pay(cheaper.id, { tender: "card", amount: 590, reference: "SLIP-9" })
      await expectStatus(api.post(`/admin/job-cards/${cheaper.id}/steps`, { status: "ready" }, auth))
      const overpaid = await expectStatus(api.post(`/admin/job-cards/${cheaper.id}/steps`, { status: "delivered", gross_weight_out: "61.2", net_weight_out: "61.2", charges: 300, tenders: [{ tender: "cash", amount: 1 }] }, auth))
      expect([overpaid.status, overpaid.data.message]).toEqual([400, `Job ${cheaper.number}: Nothing is left to pay (the bill is ₹354.00, ₹590.00 paid in advance); deliver without tenders`])
      const done = await expectStatus(api.post(`/admin/job-cards/${cheaper.id}/steps`, { status: "delivered", gross_weight_out: "61.2", net_weight_out: "61.2", charges: 300 }, auth))
      expect(done.data.job.payments.map((p: { kind: string; tender: string; amount_paise: number }) => [p.kind, p.tender, p.amount_paise])).toEqual([
        ["advance", "card", 590_00],
        ["refund", "card", 236_00],
      ])
      expect([done.data.job.paid_paise, done.data.job.charges_paise, done.data.job.invoice.number]).toEqual([354_00, 300_00, expect.any(String)])
      const gstin = await expectStatus(api.post(`/admin/job-cards/${cheaper.id}/steps`, { status: "ready", charges: 10 }, auth))
      expect(gstin.status).toBe(400)
    })

    it("keeps photos of a job's article as private files: images only, twelve a job, none for another branch or without a login", async () => {
      const customerId = await customer()
      const { data } = await api.post(
        "/admin/job-cards",
        { branch_id: branches.MUM.id, customer_id: customerId, kind: "repair", article: "22K bangle", work: "Straighten", gross_weight_in: "15.2", net_weight_in: "15.2", due_at: new Date(Date.now() + 3 * 86_400_000).toISOString() },
        auth
      )
      const job = data.job
      const png = await sharp({ create: { width: 24, height: 24, channels: 3, background: { r: 212, g: 175, b: 55 } } }).png().toBuffer()
      const upload = async (files: { name: string; bytes: Buffer; type?: string }[], stage?: string) => {
        const form = new FormData()
        for (const f of files) {
          form.append("files", new Blob([new Uint8Array(f.bytes)], { type: f.type ?? "image/png" }), f.name)
        }
        if (stage) {
          form.append("stage", stage)
        }
        const res = await fetch(`${api.defaults.baseURL}/admin/job-cards/${job.id}/photos`, { method: "POST", headers: auth.headers, body: form })
        return { status: res.status, data: await res.json() }
      }
      const taken = await upload([{ name: "front.png", bytes: png }, { name: "clasp.png", bytes: png }])
      expect([taken.status, taken.data.message]).toEqual([201, undefined])
      expect(taken.data.job.photos.map((p: { stage: string; filename: string }) => [p.stage, p.filename])).toEqual([["in", "front.png"], ["in", "clasp.png"]])
      const url = taken.data.job.photos[0].url as string
      const fetched = await fetch(`${api.defaults.baseURL}${url}`, { headers: auth.headers })
      expect([fetched.status, fetched.headers.get("content-type")]).toEqual([200, "image/png"])
      expect(Buffer.from(await fetched.arrayBuffer()).equals(png)).toBe(true)
      expect((await fetch(`${api.defaults.baseURL}${url}`)).status).toBe(401)
      const pune = await salesStaffHeaders(getContainer(), api, "photos.pune@example.in", branches.PUN.id)
      expect((await fetch(`${api.defaults.baseURL}${url}`, { headers: pune.headers })).status).toBe(404)
      expect((await fetch(`${api.defaults.baseURL}/admin/job-cards/${job.id}/photos/file_not_this_jobs`, { headers: auth.headers })).status).toBe(404)

      // A page of HTML named .png is refused by its content, and nothing is kept.
      const html = await upload([{ name: "photo.png", bytes: Buffer.from("<html><script>alert(1)</script></html>") }])
      expect([html.status, html.data.message]).toEqual([400, "photo.png is not a JPEG, PNG, WebP file whatever its .png name says"])
      expect((await upload([{ name: "x.png", bytes: png }], "sideways")).status).toBe(400)
      // Twelve a job: six and four more fit, the thirteenth does not.
      expect((await upload(Array.from({ length: 6 }, (_, i) => ({ name: `in-${i}.png`, bytes: png })))).status).toBe(201)
      const ten = await upload(Array.from({ length: 4 }, (_, i) => ({ name: `out-${i}.png`, bytes: png })), "out")
      expect([ten.status, ten.data.job.photos.length, ten.data.job.photos.at(-1).stage]).toEqual([201, 12, "out"])
      const more = await upload([{ name: "one-more.png", bytes: png }])
      expect([more.status, more.data.message]).toEqual([409, `Job ${job.number}: A job card keeps at most 12 photos; it has 12, so 0 more at most`])
      expect((await api.get(`/admin/job-cards/${job.id}`, auth)).data.job.photos).toHaveLength(12)
    })

    it("takes the balance by a Razorpay payment link sent to the customer, and records its payment once however often Razorpay reports it; a sale that fails part-way is undone", async () => {
      const customerId = await customer(200)
      const base = { branch_id: branches.MUM.id, customer_id: customerId, items: [{ tag_code: article(BANGLE, 3) }] }
      const bill = paise((await quote(base)).total)
      const body = { idempotency_key: "MUM-BILL-LINK-01", ...base, loyalty_points: 200, tenders: [{ kind: "cash", amount: 50000 }, { kind: "razorpay_link", amount: rupees(bill - 50000_00 - 200_00) }] }

      // Razorpay down while the link is made: the sale is undone, nothing stays behind, and the key may be used again.
      const before = await footprint(customerId, [article(BANGLE, 3)])
      razorpay.down = true
      const failed = await sell(body)
      razorpay.down = false
      expect([failed.status, failed.data.message]).toEqual([503, expect.stringMatching(/^Razorpay is unavailable .* could not create the payment link/)])
      expect(await footprint(customerId, [article(BANGLE, 3)])).toEqual(before)

      const sold = await sell(body)
      expect([sold.status, sold.data.message]).toEqual([201, undefined])
      const sale = sold.data.sale
      const link = razorpay.links.get(sale.payment_link.id)!
      expect(link).toEqual(expect.objectContaining({ amount: bill - 50000_00 - 200_00, reference_id: expect.stringMatching(/^payses_/), customer: expect.objectContaining({ contact: expect.stringMatching(/^\+9198203/) }) }))
      expect(sale.payment_link).toEqual(expect.objectContaining({ short_url: link.short_url, status: "created" }))
      expect(sale.tenders.find((t: { kind: string }) => t.kind === "razorpay_link")).toEqual(expect.objectContaining({ status: "pending" }))
      const [message] = await getContainer().resolve<MessagingModuleService>(MESSAGING_MODULE).listMessages({ idempotency_key: `payment-link:${link.id}:sent` })
      expect(message).toEqual(expect.objectContaining({ event: "payment_link", customer_id: customerId, body: expect.stringContaining(link.short_url) }))
      const order = () => api.get(`/admin/orders/${sale.order.id}?fields=payment_status,payment_collections.payments.provider_id,payment_collections.payments.captures.amount`, auth)
      expect((await order()).data.order.payment_status).toBe("partially_captured")
      // The balance is not paid yet: no points and no tax invoice so far.
      expect(await valueOf(sale.order.id, false)).toEqual({ earned: [], invoices: 0 })

      // The customer pays; Razorpay reports it three ways, some twice.
      const paid = razorpay.payLink(link.id)
      const events = ["payment_link.paid", "payment.captured", "order.paid"].map((e) => razorpay.lastEvent(e, paid.payment_id))
      const ids: string[] = []
      for (const event of [...events, ...events]) {
        const eventId = `${event.id}-${ids.length}`
        ids.push(eventId)
        expect((await razorpay.deliver(hook(), event, { eventId })).status).toBe(200)
      }
      await processed(ids)
      const { data } = await order()
      expect(data.order.payment_status).toBe("captured")
      const linkPayments = data.order.payment_collections.flatMap((c: { payments: { provider_id: string; captures: unknown[] }[] }) => c.payments).filter((p: { provider_id: string }) => p.provider_id === "pp_razorpay_razorpay")
      expect(linkPayments.map((p: { captures: unknown[] }) => p.captures.length)).toEqual([1])
      // Deliveries racing each other never give the customer's money back.
      expect([...razorpay.refunds.values()].filter((r) => r.payment_id === paid.payment_id)).toEqual([])
      const { data: after } = await api.get(`/admin/pos/orders/${sale.id}`, auth)
      expect(after.sale.payment_link.status).toBe("paid")
      expect(after.sale.tenders.map((t: { status: string }) => t.status)).toEqual(["captured", "captured", "captured"])
      // Paid in full now: the points and the invoice, once however often Razorpay reported it.
      expect(await valueOf(sale.order.id, true)).toEqual({ earned: [expect.any(Number)], invoices: 1 })
    })

    it("takes a savings scheme's instalments online by Razorpay payment link: sent by staff or opened by the customer, one link while unpaid, the instalment once however often Razorpay reports it, a payment no instalment is left for kept for a refund", async () => {
      const shopper = await signedInCustomer(api, store, { email: "link.saver@example.in", password: "Saver-password-1", first_name: "Kavya" })
      expect((await expectStatus(api.post(`/admin/customers/${shopper.id}`, { phone: "+919820399101" }, auth))).status).toBe(200)
      const template = (await expectStatus(api.post("/admin/schemes/templates", { code: "LINK2", name: "Swarna Online", kind: "amount", instalment_paise: 2_000_00, instalments: 2, maturity_months: 3, bonus: { type: "none" }, grace_days: 7, early_closure_after: 1 }, auth))).data.template
      const card = (await expectStatus(api.post("/admin/schemes/enrolments", { idempotency_key: "link-enrol-0001", template_id: template.id, branch_id: branches.MUM.id, customer_id: shopper.id }, auth))).data.scheme
      const staff = await salesStaffHeaders(getContainer(), api, "link.staff@example.in", branches.MUM.id)
      const sent = await expectStatus(api.post(`/admin/schemes/enrolments/${card.id}/payment-link`, { channel: "sms" }, staff))
      expect([sent.status, sent.data.message, sent.data.payment_link]).toEqual([201, undefined, expect.objectContaining({ sequence: 1, amount_paise: 2_000_00, status: "created" })])
      const link = [...razorpay.links.values()].find((l) => l.short_url === sent.data.payment_link.short_url)!
      expect(link).toEqual(expect.objectContaining({ amount: 2_000_00, notes: expect.objectContaining({ scheme_enrolment_id: card.id, scheme_sequence: "1" }) }))
      const [message] = await getContainer().resolve<MessagingModuleService>(MESSAGING_MODULE).listMessages({ idempotency_key: `scheme-link:${link.id}:sent` })
      expect(message).toEqual(expect.objectContaining({ event: "scheme_payment_link", channel: "sms", body: expect.stringContaining(link.short_url) }))
      // Asked again while unpaid (by staff or by the customer): the same link, nothing sent again.
      const again = await expectStatus(api.post(`/admin/schemes/enrolments/${card.id}/payment-link`, {}, staff))
      const mine = await expectStatus(api.post(`/store/customers/me/schemes/${card.id}/payment-link`, {}, shopper.me))
      expect([again.status, again.data.payment_link.id, mine.status, mine.data.payment_link.id]).toEqual([200, sent.data.payment_link.id, 200, sent.data.payment_link.id])
      // Another customer's card is not theirs to pay.
      const other = await signedInCustomer(api, store, { email: "link.other@example.in", password: "Other-password-1", first_name: "Ira" })
      expect((await expectStatus(api.post(`/store/customers/me/schemes/${card.id}/payment-link`, {}, other.me))).status).toBe(404)

      // Paid: Razorpay reports it three ways, each twice; one instalment and one receipt.
      const paid = razorpay.payLink(link.id)
      const events = ["payment_link.paid", "payment.captured", "order.paid"].map((e) => razorpay.lastEvent(e, paid.payment_id))
      const ids: string[] = []
      for (const event of [...events, ...events]) {
        const eventId = `${event.id}-scheme-${ids.length}`
        ids.push(eventId)
        expect((await razorpay.deliver(hook(), event, { eventId })).status).toBe(200)
      }
      await processed(ids)
      const passbook = (await expectStatus(api.get(`/admin/schemes/enrolments/${card.id}`, staff))).data.scheme
      expect(passbook.instalments).toEqual([expect.objectContaining({ sequence: 1, amount_paise: 2_000_00, tender: "razorpay", reference: paid.payment_id })])
      expect(passbook.payment_links[0]).toEqual(expect.objectContaining({ id: sent.data.payment_link.id, status: "paid", instalment_id: passbook.instalments[0].id }))
      const receipts = await getContainer().resolve<MessagingModuleService>(MESSAGING_MODULE).listMessages({ customer_id: shopper.id, event: "scheme_instalment_received" })
      expect(receipts).toHaveLength(1)

      // The customer opens the last instalment's link on the storefront, but pays it after the counter took that instalment: nothing is left for it to pay.
      const next = await expectStatus(api.post(`/store/customers/me/schemes/${card.id}/payment-link`, {}, shopper.me))
      expect([next.status, next.data.payment_link.sequence]).toEqual([201, 2])
      expect(await getContainer().resolve<MessagingModuleService>(MESSAGING_MODULE).listMessages({ event: "scheme_payment_link", customer_id: shopper.id })).toHaveLength(1)
      expect((await expectStatus(api.post(`/admin/schemes/enrolments/${card.id}/instalments`, { idempotency_key: "link-counter-0002", amount_paise: 2_000_00, tender: "upi" }, staff))).status).toBe(201)
      const late = razorpay.payLink([...razorpay.links.values()].find((l) => l.short_url === next.data.payment_link.short_url)!.id)
      const lateEvent = razorpay.lastEvent("payment_link.paid", late.payment_id)
      expect((await razorpay.deliver(hook(), lateEvent, { eventId: `${lateEvent.id}-late` })).status).toBe(200)
      await processed([`${lateEvent.id}-late`])
      const after = (await expectStatus(api.get(`/admin/schemes/enrolments/${card.id}`, staff))).data.scheme
      expect(after.instalments.map((i: { tender: string }) => i.tender)).toEqual(["razorpay", "upi"])
      expect(after.payment_links[0]).toEqual(expect.objectContaining({ sequence: 2, status: "unapplied", instalment_id: null, problem: expect.stringContaining(card.number) }))
    })

    it("sends a payment link for an order's balance (once while it is unpaid) and reconciles the day per branch and tender", async () => {
      const customerId = await customer()
      // An order placed by staff with nothing paid yet (e.g. a bespoke piece on order).
      const { data: tag } = await api.get(`/admin/jewelry/tags/${COIN}`, auth)
      const { result: order } = await createOrderWorkflow(getContainer()).run({
        input: {
          region_id: (await api.get("/admin/regions", auth)).data.regions[0].id,
          sales_channel_id: branches.PUN.sales_channel.id,
          customer_id: customerId,
          email: `sunita${n}@example.in`,
          items: [{ variant_id: tag.variant.id, quantity: 1 } as never],
          shipping_address: { first_name: "Sunita", country_code: "in", city: "Pune", province: "in-mh", address_1: "582 Laxmi Road", postal_code: "411030" },
        },
      })
      const { data: placed } = await api.get(`/admin/orders/${order.id}?fields=total,display_id`, auth)
      const bad = await expectStatus(api.post("/admin/payments/links", { order_id: order.id, amount: placed.order.total + 1 }, auth))
      expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/left to pay; a link for .* is too much/)])
      expect((await expectStatus(api.post("/admin/payments/links", { order_id: "order_nope" }, auth))).status).toBe(404)
      expect((await expectStatus(api.post("/admin/payments/links", { order_id: order.id, amount: -5 }, auth))).status).toBe(400)

      // A link for part of it expires unpaid: it no longer counts against the balance.
      const part = await api.post("/admin/payments/links", { order_id: order.id, amount: 1000 }, auth)
      expect([part.status, part.data.payment_link.amount]).toEqual([201, 1000])
      razorpay.expireLink(part.data.payment_link.razorpay_payment_link_id)
      const expired = razorpay.lastEvent("payment_link.expired", part.data.payment_link.razorpay_payment_link_id)
      await razorpay.deliver(hook(), expired)
      await processed([expired.id])
      const created = await expectStatus(api.post("/admin/payments/links", { order_id: order.id, channel: "sms" }, auth))
      expect([created.status, created.data.message]).toEqual([201, undefined])
      const link = created.data.payment_link
      expect(link).toEqual(expect.objectContaining({ order_id: order.id, amount: placed.order.total, status: "created", message: expect.objectContaining({ channel: "sms" }) }))
      expect(razorpay.links.get(link.razorpay_payment_link_id)).toEqual(expect.objectContaining({ amount: paise(placed.order.total), short_url: link.short_url }))
      // Asked again while unpaid: the same link, not a second one.
      const again = await api.post("/admin/payments/links", { order_id: order.id }, auth)
      expect([again.status, again.data.payment_link.id]).toEqual([200, link.id])
      const { data: listed } = await api.get(`/admin/payments/links?order_id=${order.id}`, auth)
      expect(listed.payment_links.map((l: { id: string; status: string }) => [l.id, l.status])).toEqual([
        [link.id, "created"],
        [part.data.payment_link.id, "expired"],
      ])

      const paid = razorpay.payLink(link.razorpay_payment_link_id)
      const events = [razorpay.lastEvent("payment.captured", paid.payment_id), razorpay.lastEvent("payment_link.paid", paid.payment_id)]
      for (const event of events) {
        await razorpay.deliver(hook(), event)
      }
      await processed(events.map((e) => e.id))
      const { data: settled } = await api.get(`/admin/orders/${order.id}?fields=payment_status`, auth)
      expect(settled.order.payment_status).toBe("captured")
      const done = await expectStatus(api.post("/admin/payments/links", { order_id: order.id }, auth))
      expect([done.status, done.data.message]).toEqual([400, `Order #${placed.order.display_id} has nothing left to pay`])

      // A counter sale in Mumbai, refunded in part; a failed online attempt.
      const mum = await customer()
      const coin = paise((await quote({ branch_id: branches.MUM.id, customer_id: mum, items: [{ tag_code: COIN }] })).total)
      // Old gold pays through an exchange voucher: 1 g of 999 at ₹7,000, ₹5,000 of it against the sale.
      await api.post("/admin/old-gold/buying-rates", { rates: [{ metal: "gold", purity: 999, rate_per_g_paise: 7000_00 }] }, auth)
      const { data: exchange } = await api.post(
        "/admin/old-gold/vouchers",
        { idempotency_key: "MUM-OG-RECON-1", branch_id: branches.MUM.id, customer_id: mum, kind: "exchange", articles: [{ metal: "gold", description: "coin", gross_weight_mg: 1000, tested_purity: 999, purity_test: "xrf", melting_loss_bps: 0 }], sale_credit_paise: 5000_00, bank_paise: 2000_00, bank_reference: "UTR 77" },
        auth
      )
      const tenders = (oldGold: number, reference: string) => [{ kind: "upi", amount: 10000, reference: "UTR 4021" }, { kind: "old_gold", amount: oldGold, reference }, { kind: "cash", amount: rupees(coin - 10000_00 - oldGold * 100) }]
      const tooMuch = await sell({ idempotency_key: "MUM-BILL-RECON-0", branch_id: branches.MUM.id, customer_id: mum, items: [{ tag_code: COIN }], tenders: tenders(6000, exchange.voucher.number) })
      expect([tooMuch.status, tooMuch.data.message]).toEqual([400, expect.stringContaining("has ₹5000 of credit left, less than the ₹6000 tendered")])
      const slip = await sell({ idempotency_key: "MUM-BILL-RECON-S", branch_id: branches.MUM.id, customer_id: mum, items: [{ tag_code: COIN }], tenders: tenders(5000, "Exchange slip 77") })
      expect([slip.status, slip.data.message]).toEqual([400, expect.stringContaining("is its exchange voucher's number")])
      const sale = await sell({ idempotency_key: "MUM-BILL-RECON-1", branch_id: branches.MUM.id, customer_id: mum, items: [{ tag_code: COIN }], tenders: tenders(5000, exchange.voucher.number) })
      expect(sale.status).toBe(201)
      expect((await api.get(`/admin/old-gold/vouchers/${exchange.voucher.id}`, auth)).data.voucher).toMatchObject({ sale_credit_paise: 5000_00, credit_used_paise: 5000_00 })
      const { data: saleOrder } = await api.get(`/admin/orders/${sale.data.sale.order.id}?fields=payment_collections.payments.id,payment_collections.payments.provider_id`, auth)
      const upi = saleOrder.order.payment_collections[0].payments.find((p: { provider_id: string }) => p.provider_id === "pp_instore_upi")
      await api.post(`/admin/payments/${upi.id}/refund`, { amount: 2500 }, auth)

      const { data: recon } = await api.get("/admin/payments/reconciliation", auth)
      const branch = (code: string) => recon.branches.find((b: { branch: { code: string } }) => b.branch.code === code)
      const tender = (code: string, t: string) => branch(code).tenders.find((x: { tender: string }) => x.tender === t)
      expect(tender("MUM", "upi")).toEqual(expect.objectContaining({ captured: { count: 1, amount: 10000, amount_paise: 10000_00 }, refunded: { count: 1, amount: 2500, amount_paise: 2500_00 }, net: { amount: 7500, amount_paise: 7500_00 } }))
      expect(tender("MUM", "cash").captured.amount_paise).toBe(coin - 15000_00)
      expect(tender("MUM", "old_gold")).toEqual(expect.objectContaining({ label: "Old gold", captured: { count: 1, amount: 5000, amount_paise: 5000_00 } }))
      expect(tender("PUN", "razorpay_link").captured).toEqual({ count: 1, amount: placed.order.total, amount_paise: paise(placed.order.total) })
      expect(recon.totals.net.amount_paise).toBe(recon.branches.reduce((s: number, b: { totals: { net: { amount_paise: number } } }) => s + b.totals.net.amount_paise, 0))
      expect(recon.entries.filter((e: { kind: string }) => e.kind === "refunded")).toEqual([expect.objectContaining({ tender: "upi", branch_code: "MUM", amount: 2500 })])
      const { data: onlyMum } = await api.get(`/admin/payments/reconciliation?branch_id=${branches.MUM.id}&kind=captured`, auth)
      expect(onlyMum.branches.map((b: { branch: { code: string } }) => b.branch.code)).toEqual(["MUM"])
      expect(onlyMum.entries.every((e: { kind: string; branch_code: string }) => e.kind === "captured" && e.branch_code === "MUM")).toBe(true)
      const { data: yesterday } = await api.get("/admin/payments/reconciliation?date=2020-01-01", auth)
      expect([yesterday.branches, yesterday.totals.captured.count]).toEqual([[], 0])
      expect((await expectStatus(api.get("/admin/payments/reconciliation?date=2026-02-30", auth))).status).toBe(400)
      expect((await expectStatus(api.get("/admin/payments/reconciliation?date=today", auth))).status).toBe(400)
    })
  },
})
