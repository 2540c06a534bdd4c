import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { LOYALTY_MODULE } from ".."
import { LoyaltyAccount } from "../models/loyalty-account"
import { LoyaltyProgramSettings } from "../models/loyalty-program"
import { PointsEntry } from "../models/points-entry"
import LoyaltyModuleService from "../service"

jest.setTimeout(120 * 1000)

moduleIntegrationTestRunner<LoyaltyModuleService>({
  moduleName: LOYALTY_MODULE,
  moduleModels: [LoyaltyAccount, PointsEntry, LoyaltyProgramSettings],
  resolve: "./src/modules/loyalty",
  testSuite: ({ service }) => {
    // The invariant, checked at the end of every scenario: each cached balance equals its ledger.
    // (The runner tears the module down in its own afterEach, so this cannot be one.)
    const expectLedgerConsistent = async () => expect(await service.findBalanceMismatches()).toEqual([])

    it("posts each idempotency key once, however often it is sent", async () => {
      const first = await service.postEntry({ customer_id: "cus_a", type: "earn", points: 120, idempotency_key: "order:1:earn" })
      const again = await service.postEntry({ customer_id: "cus_a", type: "earn", points: 120, idempotency_key: "order:1:earn" })
      const third = await service.postEntry({ customer_id: "cus_a", type: "earn", points: 120, idempotency_key: "order:1:earn" })
      expect(first.replayed).toBe(false)
      expect([again.replayed, third.replayed]).toEqual([true, true])
      expect(again.entry.id).toBe(first.entry.id)
      const [account] = await service.listLoyaltyAccounts({ customer_id: "cus_a" })
      expect(account).toEqual(expect.objectContaining({ balance: 120, lifetime_earned: 120 }))
      // The same key for a different posting is a conflict, not a silent replay.
      await expect(service.postEntry({ customer_id: "cus_a", type: "earn", points: 999, idempotency_key: "order:1:earn" })).rejects.toThrow(/already used/)
      await expectLedgerConsistent()
    })

    it("lets exactly as many of 50 parallel redemptions through as the balance covers", async () => {
      await service.postEntry({ customer_id: "cus_b", type: "earn", points: 100, idempotency_key: "seed:b" })
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => service.postEntry({ customer_id: "cus_b", type: "redeem", points: -10, idempotency_key: `pos:b:${i}` }))
      )
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10)
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected")
      expect(refused).toHaveLength(40)
      expect(refused.every((r) => /Not enough points/.test(r.reason.message))).toBe(true)
      const [account] = await service.listLoyaltyAccounts({ customer_id: "cus_b" })
      expect(account.balance).toBe(0)
      const entries = await service.listPointsEntries({ customer_id: "cus_b" })
      expect(entries.reduce((sum, e) => sum + e.points, 0)).toBe(0)
      await expectLedgerConsistent()
    })

    it("spends the lots that expire first and gives them back on reversal", async () => {
      const soon = await service.postEntry({ customer_id: "cus_c", type: "earn", points: 30, idempotency_key: "c:1", expires_at: new Date("2027-01-01") })
      const later = await service.postEntry({ customer_id: "cus_c", type: "earn", points: 50, idempotency_key: "c:2", expires_at: new Date("2028-01-01") })
      const spent = await service.postEntry({ customer_id: "cus_c", type: "redeem", points: -40, idempotency_key: "c:3" })
      expect(spent.entry.consumed).toEqual([{ id: soon.entry.id, take: 30 }, { id: later.entry.id, take: 10 }])
      const back = await service.reverseEntry({ entry_id: spent.entry.id, idempotency_key: "c:3:undo" })
      expect(back.balance).toBe(80)
      const lots = await service.listPointsEntries({ id: [soon.entry.id, later.entry.id] }, { order: { created_at: "ASC" } })
      expect(lots.map((l) => l.remaining)).toEqual([30, 50])
      await expect(service.reverseEntry({ entry_id: spent.entry.id, idempotency_key: "c:3:undo:again" })).rejects.toThrow(/can still be reversed/)
      await expectLedgerConsistent()
    })

    it("reverses earned points already spent into a negative balance that later earnings settle", async () => {
      const earned = await service.postEntry({ customer_id: "cus_d", type: "earn", points: 100, idempotency_key: "order:d:earn" })
      await service.postEntry({ customer_id: "cus_d", type: "redeem", points: -80, idempotency_key: "pos:d:1" })
      // The order is returned: its 100 points go, though only 20 are left.
      const reversed = await service.reverseEntry({ entry_id: earned.entry.id, idempotency_key: "order:d:return" })
      expect(reversed.balance).toBe(-80)
      const later = await service.postEntry({ customer_id: "cus_d", type: "earn", points: 200, idempotency_key: "order:d2:earn" })
      expect(later.balance).toBe(120)
      await expect(service.postEntry({ customer_id: "cus_d", type: "redeem", points: -121, idempotency_key: "pos:d:2" })).rejects.toThrow(/balance is 120/)
      await expectLedgerConsistent()
    })

    it("refuses zero and fractional points", async () => {
      await expect(service.postEntry({ customer_id: "cus_e", type: "adjust", points: 0, idempotency_key: "e:0" })).rejects.toThrow(/whole number/)
      await expect(service.postEntry({ customer_id: "cus_e", type: "adjust", points: 1.5, idempotency_key: "e:1" })).rejects.toThrow(/whole number/)
      expect(await service.listPointsEntries({ customer_id: "cus_e" })).toEqual([])
      await expectLedgerConsistent()
    })

    it("expires lots past their date once, however often (or concurrently) the job runs", async () => {
      const old = await service.postEntry({ customer_id: "cus_f", type: "earn", points: 70, idempotency_key: "f:1", expires_at: new Date("2026-01-01") })
      await service.postEntry({ customer_id: "cus_f", type: "redeem", points: -20, idempotency_key: "f:2" })
      await service.postEntry({ customer_id: "cus_f", type: "earn", points: 40, idempotency_key: "f:3", expires_at: new Date("2099-01-01") })
      const now = new Date("2026-06-01")
      const [first, second] = await Promise.all([service.expireDueLots(now), service.expireDueLots(now)])
      expect(first.points + second.points).toBe(50)
      expect(await service.expireDueLots(now)).toEqual({ lots: 0, points: 0 })
      const [account] = await service.listLoyaltyAccounts({ customer_id: "cus_f" })
      expect(account.balance).toBe(40)
      const expired = await service.listPointsEntries({ customer_id: "cus_f", type: "expire" })
      expect(expired.map((e) => [e.points, e.idempotency_key])).toEqual([[-50, `expire:${old.entry.id}`]])
      expect(await service.outstandingLots()).toEqual(expect.arrayContaining([{ customer_id: "cus_f", expiry_month: "2099-01", points: 40 }]))
      await expectLedgerConsistent()
    })
  },
})
