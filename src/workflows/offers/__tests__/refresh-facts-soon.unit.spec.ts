import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import { refreshFactsSoon } from "../utils/customer-facts"
import { refreshCustomerFacts } from "../utils/customer-facts-sql"

// The SQL of a refresh is the module tests' and the http layer's; here only which customers it is asked for, and how often.
jest.mock("../utils/customer-facts-sql", () => ({ refreshCustomerFacts: jest.fn(async () => undefined), refreshAllCustomerFacts: jest.fn() }))
const refreshed = refreshCustomerFacts as jest.MockedFunction<typeof refreshCustomerFacts>

type Graph = { entity: string; filters: { id: string[] } }

/** A container whose profiles and stats rows belong to "cus_<their id>". */
function shop() {
  const graph = jest.fn(async ({ entity, filters }: Graph) => ({
    data: entity === "customer_profile" ? filters.id.map((id) => ({ customer: { id: `cus_${id}` } })) : filters.id.map((id) => ({ customer_id: `cus_${id}` })),
  }))
  const services: Record<string, unknown> = {
    [ContainerRegistrationKeys.QUERY]: { graph },
    [ContainerRegistrationKeys.PG_CONNECTION]: {},
    [LOYALTY_MODULE]: { currentProgram: async () => ({ tiers: [{ name: "Silver" }] }) },
  }
  return { container: { resolve: (key: string) => services[key] } as unknown as MedusaContainer, graph }
}

describe("refreshFactsSoon", () => {
  beforeEach(() => refreshed.mockClear())

  it("refreshes the customers of one moment's events once, profiles and stats rows read once each", async () => {
    const { container, graph } = shop()
    await Promise.all([
      refreshFactsSoon(container, [{ customer: "cus_a" }]),
      refreshFactsSoon(container, [{ profile: "prof_b" }, { profile: "prof_c" }]),
      refreshFactsSoon(container, [{ stats: "stats_d" }, { customer: "cus_a" }]),
    ])
    expect(refreshed).toHaveBeenCalledTimes(1)
    expect(refreshed.mock.calls[0][1]).toBe("Silver")
    expect([...refreshed.mock.calls[0][2]].sort()).toEqual(["cus_a", "cus_prof_b", "cus_prof_c", "cus_stats_d"])
    expect(graph.mock.calls.map(([args]) => [args.entity, args.filters.id])).toEqual([
      ["customer_profile", ["prof_b", "prof_c"]],
      ["customer_stats", ["stats_d"]],
    ])
  })

  it("asks again for a later moment: a refresh is never served from an earlier one", async () => {
    const { container } = shop()
    await refreshFactsSoon(container, [{ customer: "cus_a" }])
    await refreshFactsSoon(container, [{ customer: "cus_a" }])
    expect(refreshed.mock.calls.map((call) => call[2])).toEqual([["cus_a"], ["cus_a"]])
  })

  it("keeps each app's events apart", async () => {
    const one = shop()
    const two = shop()
    await Promise.all([refreshFactsSoon(one.container, [{ customer: "cus_a" }]), refreshFactsSoon(two.container, [{ customer: "cus_b" }])])
    expect(refreshed.mock.calls.map((call) => call[2]).sort()).toEqual([["cus_a"], ["cus_b"]])
  })

  it("fails every event of a refresh that fails, so each subscriber's failure is logged", async () => {
    const { container } = shop()
    refreshed.mockRejectedValueOnce(new Error("database gone"))
    const results = await Promise.allSettled([refreshFactsSoon(container, [{ customer: "cus_a" }]), refreshFactsSoon(container, [{ profile: "prof_b" }])])
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"])
  })

  it("does nothing for an event that names no customer", async () => {
    const { container } = shop()
    await refreshFactsSoon(container, [])
    expect(refreshed).not.toHaveBeenCalled()
  })
})
