import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { POS_MODULE } from ".."
import { PaymentLink } from "../models/payment-link"
import { PaymentWebhookEvent } from "../models/payment-webhook-event"
import { PosApproval } from "../models/pos-approval"
import { PosSale } from "../models/pos-sale"
import { PosTender } from "../models/pos-tender"
import PosModuleService from "../service"

jest.setTimeout(60 * 1000)

const event = (event_id: string) => ({
  provider: "razorpay",
  event_id,
  event: "payment.captured",
  provider_payment_id: "pay_1",
  amount_paise: 40_736_50,
  currency_code: "inr",
  occurred_at: new Date("2026-03-01T10:00:00+05:30"),
})

moduleIntegrationTestRunner<PosModuleService>({
  moduleName: POS_MODULE,
  moduleModels: [PosSale, PosTender, PaymentLink, PaymentWebhookEvent, PosApproval],
  resolve: "./src/modules/pos",
  testSuite: ({ service }) => {
    describe("PosModuleService", () => {
      it("keeps one webhook delivery per event id, even when twenty arrive at once", async () => {
        const results = await Promise.all(Array.from({ length: 20 }, () => service.recordWebhookEvent(event("evt_1"))))
        expect(results.filter((r) => !r.duplicate)).toHaveLength(1)
        expect(new Set(results.map((r) => r.id)).size).toBe(1)
        const rows = await service.listPaymentWebhookEvents({ event_id: "evt_1" })
        expect(rows).toEqual([expect.objectContaining({ provider: "razorpay", amount_paise: 40_736_50, provider_payment_id: "pay_1" })])
        // Another provider may use the same id.
        expect((await service.recordWebhookEvent({ ...event("evt_1"), provider: "paypal" })).duplicate).toBe(false)
      })

      it("lets an approval through for one sale of its own bill, once however many counters try, and gives it back when that sale fails", async () => {
        const [approval] = await service.createPosApprovals([
          { branch_id: "br_1", customer_id: "cus_1", requested_by: "user_staff", fingerprint: "bill-1", request: {}, reason: "Wedding order" },
        ])
        const use = (sale_id: string, fingerprint = "bill-1") => service.useApproval({ id: approval.id, fingerprint, sale_id })
        await expect(use("sale_0")).rejects.toThrow(`approval_id: approval "${approval.id}" cannot be used: it is pending`)
        await service.decideApproval({ id: approval.id, status: "approved", user_id: "user_manager", note: null })
        await expect(use("sale_0", "bill-2")).rejects.toThrow("it was given for another bill (other pieces, customer, branch or discounts)")
        const tries = await Promise.allSettled(["sale_1", "sale_2", "sale_3"].map((sale) => use(sale)))
        expect(tries.filter((t) => t.status === "fulfilled")).toEqual([{ status: "fulfilled", value: { decided_by: "user_manager", reason: "Wedding order" } }])
        expect(tries.filter((t) => t.status === "rejected").map((t) => (t as PromiseRejectedResult).reason.message)).toEqual([
          `approval_id: approval "${approval.id}" cannot be used: it was used by another sale`,
          `approval_id: approval "${approval.id}" cannot be used: it was used by another sale`,
        ])
        const [used] = await service.listPosApprovals({ id: approval.id })
        await service.releaseApproval({ id: approval.id, sale_id: used.sale_id! })
        expect((await use("sale_4")).decided_by).toBe("user_manager")
      })

      it("claims an idempotency key once", async () => {
        const claim = { idempotency_key: "MUM-BILL-1", fingerprint: "f", branch_id: "br_1", customer_id: "cus_1" }
        await service.createPosSales(claim)
        await expect(service.createPosSales({ ...claim, fingerprint: "g" })).rejects.toThrow(/idempotency_key/)
      })

      it("adds up a customer's cash since a moment, tenders of other kinds and customers left out", async () => {
        const sale = await service.createPosSales({ idempotency_key: "MUM-BILL-2", fingerprint: "f", branch_id: "br_1", customer_id: "cus_1" })
        const tender = (kind: "cash" | "card", amount: number, customer = "cus_1") => ({
          sale_id: sale.id,
          kind,
          amount_paise: amount,
          tendered_paise: amount,
          branch_id: "br_1",
          customer_id: customer,
        })
        const since = new Date(Date.now() - 60_000)
        await service.createPosTenders([tender("cash", 1_50_000_00), tender("cash", 10_000_00), tender("card", 99_000_00), tender("cash", 5_000_00, "cus_2")])
        expect(await service.cashReceivedSince("cus_1", since)).toBe(1_60_000_00)
        expect(await service.cashReceivedSince("cus_1", new Date(Date.now() + 60_000))).toBe(0)
      })
    })
  },
})
