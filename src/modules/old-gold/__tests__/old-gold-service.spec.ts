import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { OLD_GOLD_MODULE } from ".."
import { valueOldArticle, type OldArticle } from "../../../lib/old-gold"
import { financialYear } from "../../../lib/tax-documents"
import { OldGoldArticle } from "../models/article"
import { OldGoldBuyingRate } from "../models/buying-rate"
import { OldGoldCounter } from "../models/counter"
import { OldGoldMovement } from "../models/movement"
import { OldGoldVoucher } from "../models/voucher"
import OldGoldModuleService, { type IssueVoucherInput } from "../service"

jest.setTimeout(60 * 1000)

const chain: OldArticle = { metal: "gold", description: "chain", gross_weight_mg: 12_350, deduction_weight_mg: 150, tested_purity: 916, purity_test: "xrf" }
const valuation = valueOldArticle(chain, { metal: "gold", purity: 916, rate_per_g_paise: 680_000 }, { melting_loss_bps: 200, max_melting_loss_bps: 500 })

function purchase(key: string, over: Partial<IssueVoucherInput> = {}): IssueVoucherInput {
  return {
    idempotency_key: key,
    fingerprint: `fp-${key}`,
    branch_id: "br_mum",
    branch_code: "MUM",
    customer_id: "cus_1",
    user_id: "user_1",
    kind: "purchase",
    articles: [{ ...chain, valuation }],
    cash_paise: 0,
    bank_paise: valuation.value_paise,
    sale_credit_paise: 0,
    bank_reference: "UTR1",
    identity: "not_needed",
    pan_masked: null,
    pan_encrypted: null,
    note: null,
    cash_limit_paise: 10_000_00,
    ...over,
  }
}

moduleIntegrationTestRunner<OldGoldModuleService>({
  moduleName: OLD_GOLD_MODULE,
  moduleModels: [OldGoldBuyingRate, OldGoldVoucher, OldGoldArticle, OldGoldMovement, OldGoldCounter],
  resolve: "./src/modules/old-gold",
  testSuite: ({ service }) => {
    describe("OldGoldModuleService.issueVoucher", () => {
      it("numbers vouchers per branch and financial year within 16 characters, and adds the fine gold to the branch's stock", async () => {
        const fy = financialYear(new Date()).slice(2)
        const first = await service.issueVoucher(purchase("k1"))
        const second = await service.issueVoucher(purchase("k2"))
        const other = await service.issueVoucher(purchase("k3", { branch_id: "br_blr", branch_code: "BLR" }))
        expect([first.voucher.number, second.voucher.number, other.voucher.number]).toEqual([`MUM/OG${fy}/0001`, `MUM/OG${fy}/0002`, `BLR/OG${fy}/0001`])
        expect(first.voucher.total_value_paise).toBe(8_129_563)
        expect(await service.stockByBranch(null)).toEqual([
          { branch_id: "br_blr", metal: "gold", fine_mg: 10_951 },
          { branch_id: "br_mum", metal: "gold", fine_mg: 2 * 10_951 },
        ])
        expect(await service.stockByBranch(["br_blr"])).toHaveLength(1)
        const [articles] = await service.listOldGoldArticles({ voucher_id: first.voucher.id }).then((a) => [a])
        expect(articles).toHaveLength(1)
        expect(articles[0]).toMatchObject({ net_weight_mg: 12_200, payable_fine_mg: 10_951, rate_purity: 916 })
      })

      it("issues one voucher for twenty replays of the same request at once, and refuses the key for another purchase", async () => {
        const results = await Promise.all(Array.from({ length: 20 }, () => service.issueVoucher(purchase("same"))))
        expect(results.filter((r) => r.created)).toHaveLength(1)
        expect(new Set(results.map((r) => r.voucher.id)).size).toBe(1)
        expect(await service.listOldGoldVouchers({ idempotency_key: "same" })).toHaveLength(1)
        expect(await service.listOldGoldMovements({ voucher_id: results[0].voucher.id })).toHaveLength(1)
        await expect(service.issueVoucher(purchase("same", { fingerprint: "other" }))).rejects.toThrow("This idempotency key was used for another old-gold purchase")
      })

      it("spends an exchange voucher's credit once, even from ten counters at once, and gives it back on release", async () => {
        const { voucher } = await service.issueVoucher(purchase("ex1", { kind: "exchange", customer_id: "cus_ex", bank_paise: valuation.value_paise - 5_000_00, sale_credit_paise: 5_000_00 }))
        const tries = await Promise.allSettled(Array.from({ length: 10 }, () => service.useSaleCredit({ number: voucher.number, customer_id: "cus_ex", amount_paise: 1_000_00 })))
        const spent = tries.filter((t) => t.status === "fulfilled") as PromiseFulfilledResult<{ voucher_id: string; left_paise: number }>[]
        expect(spent).toHaveLength(5)
        expect(spent.map((t) => t.value.left_paise).sort((a, b) => a - b)).toEqual([0, 1_000_00, 2_000_00, 3_000_00, 4_000_00])
        await expect(service.useSaleCredit({ number: voucher.number, customer_id: "cus_other", amount_paise: 1 })).rejects.toThrow("is another customer's")
        await service.releaseSaleCredit({ voucher_id: voucher.id, amount_paise: 2_000_00 })
        const [after] = await service.listOldGoldVouchers({ id: voucher.id })
        expect(Number(after.credit_used_paise)).toBe(3_000_00)
        const paidOut = await service.issueVoucher(purchase("pv1", { customer_id: "cus_ex" }))
        await expect(service.useSaleCredit({ number: paidOut.voucher.number, customer_id: "cus_ex", amount_paise: 1 })).rejects.toThrow("was a purchase, paid out already")
      })

      it("pays at most the day's cash limit to a customer, even from two counters at once", async () => {
        const cash = (key: string) => purchase(key, { customer_id: "cus_cash", cash_paise: 6_000_00, bank_paise: valuation.value_paise - 6_000_00 })
        const results = await Promise.allSettled([service.issueVoucher(cash("c1")), service.issueVoucher(cash("c2"))])
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1)
        const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult
        expect(String(refused.reason.message)).toContain("₹4000 can still be paid in cash today")
        // Nothing of the refused purchase was written, not even its number.
        expect(await service.listOldGoldVouchers({ customer_id: "cus_cash" })).toHaveLength(1)
        const [counter] = await service.listOldGoldCounters({ series: `old_gold:MUM:${financialYear(new Date())}` })
        expect(counter.last_sequence).toBe(1)
      })
    })
  },
})
