import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { JEWELRY_MODULE } from ".."
import { JewelryAttributes } from "../models/jewelry-attributes"
import { MetalRate } from "../models/metal-rate"
import JewelryModuleService from "../service"

jest.setTimeout(60 * 1000)

const HOUR = 3600 * 1000
const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR)

const ring = {
  metal: "gold" as const,
  purity: 916,
  gross_weight_mg: 8350,
  net_weight_mg: 8350,
  making_type: "per_gram" as const,
  making_value: 45000,
  tag_code: "MUM-000001",
  huid: "AB12CD",
}

moduleIntegrationTestRunner<JewelryModuleService>({
  moduleName: JEWELRY_MODULE,
  moduleModels: [MetalRate, JewelryAttributes],
  resolve: "./src/modules/jewelry",
  testSuite: ({ service }) => {
    describe("current metal rates", () => {
      it("takes the latest effective rate per metal, purity and branch, ignoring future ones", async () => {
        await service.createMetalRates([
          { metal: "gold", purity: 916, rate_per_g_paise: 720000, effective_from: at(48) },
          { metal: "gold", purity: 916, rate_per_g_paise: 724550, effective_from: at(2) },
          { metal: "gold", purity: 916, rate_per_g_paise: 999999, effective_from: at(-5) },
          { metal: "gold", purity: 916, rate_per_g_paise: 726000, effective_from: at(1), branch_id: "br_blr" },
          { metal: "silver", purity: 999, rate_per_g_paise: 9500, effective_from: at(3) },
        ])
        const current = await service.listCurrentMetalRates()
        const view = current.map((r) => [r.metal, r.purity, r.branch_id, r.rate_per_g_paise]).sort()
        expect(view).toEqual([
          ["gold", 916, null, 724550],
          ["gold", 916, "br_blr", 726000],
          ["silver", 999, null, 9500],
        ])
      })

      it("answers for a past moment and for chosen branches", async () => {
        await service.createMetalRates([
          { metal: "gold", purity: 916, rate_per_g_paise: 720000, effective_from: at(48) },
          { metal: "gold", purity: 916, rate_per_g_paise: 724550, effective_from: at(2) },
          { metal: "gold", purity: 916, rate_per_g_paise: 726000, effective_from: at(1), branch_id: "br_blr" },
        ])
        const yesterday = await service.listCurrentMetalRates({ at: at(24) })
        expect(yesterday.map((r) => r.rate_per_g_paise)).toEqual([720000])
        const shopOnly = await service.listCurrentMetalRates({ branch_ids: [null] })
        expect(shopOnly.map((r) => r.rate_per_g_paise)).toEqual([724550])
      })
    })

    describe("jewelry attributes", () => {
      it("refuses a second piece with the same HUID or tag code", async () => {
        await service.createJewelryAttributes(ring)
        await expect(service.createJewelryAttributes({ ...ring, tag_code: "MUM-000002" })).rejects.toThrow(/huid/i)
        await expect(service.createJewelryAttributes({ ...ring, huid: "ZZ99ZZ" })).rejects.toThrow(/tag_code/i)
      })

      it("allows any number of pieces without a HUID", async () => {
        await service.createJewelryAttributes({ ...ring, huid: null })
        await service.createJewelryAttributes({ ...ring, huid: null, tag_code: "MUM-000002" })
        expect(await service.listJewelryAttributes({ huid: null })).toHaveLength(2)
      })
    })
  },
})
