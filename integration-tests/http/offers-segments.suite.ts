import { BigNumber } from "@medusajs/framework/utils"
import type { ShopSuite } from "../support/runner"
import { waitFor } from "../support/wait"
import { CRM_MODULE } from "../../src/modules/crm"
import type CrmModuleService from "../../src/modules/crm/service"
import { LOYALTY_MODULE } from "../../src/modules/loyalty"
import type LoyaltyModuleService from "../../src/modules/loyalty/service"
import { BRANCH_MODULE } from "../../src/modules/branch"
import type BranchModuleService from "../../src/modules/branch/service"
import { updateCustomerProfileWorkflow } from "../../src/workflows/crm"
import { demoShop, expectStatus, type Headers } from "./helpers"

const DAY = 86_400_000

/** Segments select exactly the customers they should, on hand-made customers, counted in SQL. */
export const offersSegmentsSuite: ShopSuite = ({ api, getContainer }) => {
  let auth: Headers
  const ids: Record<"asha" | "bina" | "chitra", string> = { asha: "", bina: "", chitra: "" }
  let mumbai = ""
  beforeAll(async () => {
    ;({ auth } = await demoShop(getContainer(), api))
    const [branch] = await getContainer().resolve<BranchModuleService>(BRANCH_MODULE).listBranches({ code: "MUM" })
    mumbai = branch.id
    // Asha's birthday is three days from now (India time).
    const soon = new Date(Date.now() + 330 * 60_000 + 3 * DAY)
    const birthday = `1990-${String(soon.getUTCMonth() + 1).padStart(2, "0")}-${String(soon.getUTCDate()).padStart(2, "0")}`
    const people = [
      ["asha", { first_name: "Asha", tags: ["segtest", "wedding-2026"], preferred_metals: ["gold"], home_branch_id: mumbai, consents: { whatsapp: "granted" }, birthday }],
      ["bina", { first_name: "Bina", tags: ["segtest"], preferred_metals: ["silver"] }],
      ["chitra", { first_name: "Chitra", tags: ["SegTest"] }],
    ] as const
    for (const [key, body] of people) {
      const { data } = await api.post("/admin/crm/customers", body, auth)
      ids[key] = data.customer.id
    }
    const crm = getContainer().resolve<CrmModuleService>(CRM_MODULE)
    await crm.createCustomerStats([
      { customer_id: ids.asha, order_count: 4, lifetime_value: new BigNumber("250000") as unknown as number, last_order_at: new Date(Date.now() - 10 * DAY) },
      { customer_id: ids.bina, order_count: 1, lifetime_value: new BigNumber("5000.50") as unknown as number, last_order_at: new Date(Date.now() - 400 * DAY) },
    ])
    await getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE).setTier(ids.asha, "Gold")
  })

  const preview = async (rule: unknown, extra: Record<string, unknown> = {}) => {
    const { data } = await api.post("/admin/offers/segments/preview", { rules: { all: [{ field: "tag", op: "includes", value: "segtest" }, rule] }, ...extra }, auth)
    return data as { count: number; customers: { customer_id: string; lifetime_value: number; tier: string }[] }
  }
  const who = (data: { customers: { customer_id: string }[] }) =>
    data.customers.map((c) => Object.entries(ids).find(([, id]) => id === c.customer_id)?.[0]).sort()

  it("selects exactly the customers each condition describes", async () => {
    expect(who(await preview({ field: "lifetime_value", op: "gte", value: 100000 }))).toEqual(["asha"])
    expect(who(await preview({ field: "lifetime_value", op: "lte", value: 5000.5 }))).toEqual(["bina", "chitra"])
    expect(who(await preview({ field: "order_count", op: "eq", value: 0 }))).toEqual(["chitra"])
    expect(who(await preview({ field: "last_purchase", op: "within_days", value: 30 }))).toEqual(["asha"])
    // Never bought counts as lapsed.
    expect(who(await preview({ field: "last_purchase", op: "older_than_days", value: 365 }))).toEqual(["bina", "chitra"])
    expect(who(await preview({ field: "birthday", op: "within_days", value: 7 }))).toEqual(["asha"])
    expect(who(await preview({ field: "birthday", op: "within_days", value: 1 }))).toEqual([])
    expect(who(await preview({ field: "preferred_metal", op: "includes", value: "Silver" }))).toEqual(["bina"])
    expect(who(await preview({ field: "home_branch", op: "in", value: [mumbai] }))).toEqual(["asha"])
    expect(who(await preview({ field: "tier", op: "in", value: ["gold", "platinum"] }))).toEqual(["asha"])
    expect(who(await preview({ field: "tier", op: "in", value: ["Silver"] }))).toEqual(["bina", "chitra"])
    expect(who(await preview({ field: "consent", op: "granted", value: "whatsapp" }))).toEqual(["asha"])
    expect(who(await preview({ field: "monetary", op: "eq", value: 5 }))).toEqual(["asha"])
  })

  it("combines AND and OR groups, pages the result and counts all of it", async () => {
    const rule = { any: [{ field: "preferred_metal", op: "includes", value: "gold" }, { all: [{ field: "order_count", op: "gte", value: 1 }, { field: "lifetime_value", op: "lte", value: 10000 }] }] }
    const all = await preview(rule)
    expect([all.count, who(all)]).toEqual([2, ["asha", "bina"]])
    const first = await preview(rule, { limit: 1 })
    expect([first.count, first.customers.map((c) => c.customer_id)]).toEqual([2, [ids.asha]])
    expect(first.customers[0]).toEqual(expect.objectContaining({ lifetime_value: 250000, tier: "Gold" }))
    const second = await preview(rule, { limit: 1, offset: 1 })
    expect(second.customers.map((c) => c.customer_id)).toEqual([ids.bina])
  })

  it("follows a profile change without waiting for the nightly refresh", async () => {
    await preview({ field: "order_count", op: "gte", value: 0 })
    await updateCustomerProfileWorkflow(getContainer()).run({ input: { customer_id: ids.chitra, update: { tags: ["SegTest", "gold-scheme"] } } })
    const found = await waitFor("the segment preview to follow the new tag", async () => {
      const names = who(await preview({ field: "tag", op: "includes", value: "gold-scheme" })) as string[]
      return names.length ? names : undefined
    })
    expect(found).toEqual(["chitra"])
  })

  it("refuses a rule it does not understand with a 400 naming the problem", async () => {
    const cases: [unknown, RegExp][] = [
      [{ field: "shoe_size", op: "eq", value: 9 }, /unknown field "shoe_size"/],
      [{ field: "order_count", op: "between", value: 3 }, /op/],
      [{ field: "lifetime_value", op: "gte", value: -5 }, /value/],
      [{ all: [] }, /a group needs 1 to 50 rules/],
      [{ field: "recency", op: "gte", value: 9 }, /1 to 5/],
      ["lifetime_value > 5", /expected a condition/],
    ]
    for (const [rules, message] of cases) {
      const res = await expectStatus(api.post("/admin/offers/segments/preview", { rules }, auth))
      expect([res.status, res.data.message]).toEqual([400, expect.stringMatching(message)])
    }
    expect((await expectStatus(api.post("/admin/offers/segments/preview", { rules: { field: "tag", op: "includes", value: "x" }, limit: 1000 }, auth))).status).toBe(400)
  })
}
