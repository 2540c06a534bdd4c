import { join } from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { AUDIT_MODULE } from ".."
import { AuditEntry } from "../models/audit-entry"
import AuditModuleService from "../service"

jest.setTimeout(60 * 1000)

/** Newest first needs distinct times: returns once the clock has moved past `time`. */
async function clockPast(time: Date | string) {
  const until = new Date(time).getTime()
  while (Date.now() <= until) {
    await new Promise((r) => setImmediate(r))
  }
}

moduleIntegrationTestRunner<AuditModuleService>({
  moduleName: AUDIT_MODULE,
  moduleModels: [AuditEntry],
  resolve: "./src/modules/audit",
  // The module's own migration, so the append-only trigger exists in the test database.
  pathToMigrations: join(__dirname, "..", "migrations"),
  testSuite: ({ service }) => {
    const rate = {
      actor_type: "user",
      actor_id: "user_1",
      ip: "10.0.0.7",
      action: "metal_rate.published",
      entity: "metal_rate",
      entity_id: "mrate_1",
      changes: { rate_per_g_paise: { before: 724500, after: 731000 } },
    }

    it("records entries and refuses to change or remove them", async () => {
      const [entry] = await service.record([rate])
      expect(entry).toMatchObject({ ...rate, branch_id: null, user_agent: null, metadata: null })

      await expect(service.updateAuditEntries({ id: entry.id, action: "metal_rate.forged" })).rejects.toThrow(/append-only: UPDATE refused/)
      await expect(service.softDeleteAuditEntries([entry.id])).rejects.toThrow(/append-only: UPDATE refused/)
      await expect(service.deleteAuditEntries([entry.id])).rejects.toThrow(/append-only: DELETE refused/)

      const [again] = await service.listAuditEntries({ id: entry.id })
      expect(again).toMatchObject({ action: "metal_rate.published", changes: rate.changes, deleted_at: null })
    })

    it("lists newest first with filters: entity, actor, action exactly or by prefix, dates, q", async () => {
      const [first] = await service.record([rate])
      await clockPast(first.created_at)
      const [second] = await service.record([
        { ...rate, actor_id: "user_2", action: "loyalty_points.adjusted", entity: "loyalty_account", entity_id: "lacc_9" },
      ])
      await clockPast(second.created_at)
      const [third] = await service.record([{ ...rate, action: "metal_rate_alert.sent", entity_id: "mrate_2" }])
      const page = { limit: 50, offset: 0 }

      const [all, count] = await service.listEntries({}, page)
      expect(count).toBe(3)
      expect(all.map((e) => e.id)).toEqual([third.id, second.id, first.id])

      expect((await service.listEntries({ entity: "metal_rate", entity_id: "mrate_1" }, page))[0].map((e) => e.id)).toEqual([first.id])
      expect((await service.listEntries({ actor_id: "user_2" }, page))[0].map((e) => e.id)).toEqual([second.id])
      // "metal_rate" is the action's first part: not "metal_rate_alert.sent".
      expect((await service.listEntries({ action: "metal_rate" }, page))[0].map((e) => e.id)).toEqual([first.id])
      expect((await service.listEntries({ action: "metal_rate.published" }, page))[0].map((e) => e.id)).toEqual([first.id])
      expect((await service.listEntries({ action: "metal_rate*" }, page))[0].map((e) => e.id)).toEqual([third.id, first.id])
      // A LIKE wildcard typed in a filter is a plain character.
      expect((await service.listEntries({ action: "metal%" }, page))[1]).toBe(0)
      expect((await service.listEntries({ q: "LACC_9" }, page))[0].map((e) => e.id)).toEqual([second.id])

      const [later] = await service.listEntries({ from: new Date(second.created_at as unknown as string) }, page)
      expect(later.map((e) => e.id)).toEqual([third.id, second.id])
      const [earlier] = await service.listEntries({ to: new Date(second.created_at as unknown as string) }, page)
      expect(earlier.map((e) => e.id)).toEqual([second.id, first.id])

      const [paged, total] = await service.listEntries({}, { limit: 1, offset: 1 })
      expect(total).toBe(3)
      expect(paged.map((e) => e.id)).toEqual([second.id])
    })
  },
})
