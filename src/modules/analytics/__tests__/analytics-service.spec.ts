import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ANALYTICS_MODULE } from ".."
import type { SalesFact as Fact } from "../../../lib/sales-facts"
import { FactsRebuild } from "../models/facts-rebuild"
import { SalesFact } from "../models/sales-fact"
import AnalyticsModuleService from "../service"

jest.setTimeout(120 * 1000)

const fact = (over: Partial<Fact>): Fact => ({
  order_id: "order_1",
  item_id: "ordli_1",
  source_id: "ordli_1",
  kind: "sale",
  occurred_at: new Date("2026-11-01T18:29:00Z"),
  customer_id: "cus_1",
  branch_id: "br_mum",
  channel: "counter",
  staff_user_id: "user_1",
  variant_id: "variant_1",
  metal: "gold",
  purity: 916,
  category: "rings",
  pieces: 1,
  gross_weight_mg: 4_500,
  net_weight_mg: 4_240,
  revenue_paise: 32_673_92,
  gst_paise: 980_22,
  discount_paise: 0,
  making_paise: 1_908_00,
  bill: 0,
  ...over,
})

moduleIntegrationTestRunner<AnalyticsModuleService>({
  moduleName: ANALYTICS_MODULE,
  moduleModels: [SalesFact, FactsRebuild],
  resolve: "./src/modules/analytics",
  testSuite: ({ service }) => {
    it("replaces an order's facts and answers the old ones; restoring puts them back", async () => {
      const first = [fact({ bill: 1 }), fact({ item_id: "ordli_2", source_id: "ordli_2", pieces: 2, revenue_paise: 1_000_00, making_paise: null })]
      expect(await service.replaceOrderFacts(["order_1"], first)).toEqual([])
      const previous = await service.replaceOrderFacts(["order_1"], [fact({ revenue_paise: 5 })])
      expect(previous.map((f) => [f.item_id, f.pieces, f.revenue_paise, f.making_paise]).sort()).toEqual([
        ["ordli_1", 1, 32_673_92, 1_908_00],
        ["ordli_2", 2, 1_000_00, null],
      ])
      await service.restoreOrderFacts(["order_1"], previous)
      const [total] = await service.salesReport({ from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-12-01T00:00:00Z"), group_by: "total" })
      expect(total).toMatchObject({ bills: 1, pieces: 3, revenue_paise: 33_673_92, making_paise: 1_908_00, making_pieces: 1 })
      // Filtered by what a line is, the bill is the order counted once where any of its lines is (here the second, not the marked one).
      const range = { from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-12-01T00:00:00Z") }
      await service.replaceOrderFacts(["order_1"], [fact({ bill: 1 }), fact({ item_id: "ordli_2", source_id: "ordli_2", category: "chains" })])
      const [chains] = await service.salesReport({ ...range, group_by: "total", category: "chains" })
      expect(chains).toMatchObject({ bills: 1, pieces: 1 })
      const byCategory = await service.salesReport({ ...range, group_by: "category" })
      expect(byCategory.map((r) => [r.key, r.bills])).toEqual([
        ["chains", 1],
        ["rings", 1],
      ])
    })

    it("groups by the day in India: 23:59 IST is still that day, 00:01 the next", async () => {
      await service.replaceOrderFacts(
        ["order_a", "order_b"],
        [
          fact({ order_id: "order_a", source_id: "a", occurred_at: new Date("2026-11-01T18:29:00Z"), bill: 1 }),
          fact({ order_id: "order_b", source_id: "b", occurred_at: new Date("2026-11-01T18:31:00Z"), branch_id: "br_pun", bill: 1 }),
          fact({ order_id: "order_b", source_id: "ret_b", kind: "return", occurred_at: new Date("2026-11-03T06:00:00Z"), pieces: -1, revenue_paise: -32_673_92, branch_id: "br_pun" }),
        ]
      )
      const range = { from: new Date("2026-10-31T18:30:00Z"), to: new Date("2026-11-30T18:30:00Z") }
      const days = await service.salesReport({ ...range, group_by: "day" })
      expect(days.map((d) => [d.key, d.bills, d.pieces, d.returned_pieces])).toEqual([
        ["2026-11-01", 1, 1, 0],
        ["2026-11-02", 1, 1, 0],
        ["2026-11-03", 0, -1, 1],
      ])
      const pune = await service.salesReport({ ...range, group_by: "branch", branch_ids: ["br_pun"] })
      expect(pune.map((r) => [r.key, r.pieces, r.revenue_paise])).toEqual([["br_pun", 0, 0]])
    })
  },
})
