import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { PREFERENCES_MODULE } from ".."
import { CustomerAffinity } from "../models/customer-affinity"
import { CustomerRecommendation } from "../models/customer-recommendation"
import { NewArrivalList } from "../models/new-arrival-list"
import { PreferenceDesign } from "../models/preference-design"
import { PreferenceModel } from "../models/preference-model"
import PreferencesModuleService from "../service"
import type { ModelDesign } from "../../../lib/preferences/training"

jest.setTimeout(60 * 1000)

const design = (design_id: string, over: Partial<ModelDesign> = {}): ModelDesign => ({
  design_id,
  title: `Design ${design_id}`,
  category: "rings",
  metal: "gold",
  purity: 916,
  band: "from_25k_to_1l",
  popularity: 1.5,
  factors: [0.25, -1.5e-7, 3],
  ...over,
})

moduleIntegrationTestRunner<PreferencesModuleService>({
  moduleName: PREFERENCES_MODULE,
  moduleModels: [PreferenceModel, CustomerRecommendation, CustomerAffinity, PreferenceDesign, NewArrivalList],
  resolve: "./src/modules/preferences",
  testSuite: ({ service }) => {
    const newModel = () =>
      service.createPreferenceModels({ status: "training", trained_at: new Date(), duration_ms: 0, customers: 2, designs: 2, interactions: 4, parameters: {}, evaluation: null })

    it("stores a model's rows as given: quotes, commas, new lines, an empty title, no purity or band, tiny scores", async () => {
      const model = await newModel()
      const tricky = 'Kundan "Rani" haar, 22K\nwith a \\ and a tab\t'
      await service.storeRecommendations(
        model.id,
        [
          { customer_id: "cus_a", rank: 1, design_id: "design:a", title: tricky, score: 0.875, reason: "buys rings · 22K 916 gold" },
          { customer_id: "cus_a", rank: 2, design_id: "design:b", title: "", score: 1e-9, reason: "bought by customers of like taste" },
        ],
        [{ customer_id: "cus_a", attribute: "category", value: "rings", share: 0.75 }],
        [design("design:a", { title: tricky }), design("design:b", { title: "", purity: null, band: null })]
      )
      const { items } = await (async () => {
        await service.promoteModel(model.id)
        return service.recommendationsOf("cus_a", 10)
      })()
      expect(items.map(({ rank, design_id, title, reason }) => ({ rank, design_id, title, reason }))).toEqual([
        { rank: 1, design_id: "design:a", title: tricky, reason: "buys rings · 22K 916 gold" },
        { rank: 2, design_id: "design:b", title: "", reason: "bought by customers of like taste" },
      ])
      expect(items[0].score).toBeCloseTo(0.875, 6)
      expect(items[1].score).toBeCloseTo(1e-9, 15)
      expect(items.every((i) => i.id.startsWith("prec_"))).toBe(true)
      const designs = await service.modelDesigns(model.id)
      expect(designs).toEqual([design("design:a", { title: tricky }), design("design:b", { title: "", purity: null, band: null })])
      expect(await service.sharesIn(model.id, { category: ["rings"], metal: [], purity: [], price_band: [] })).toEqual([
        { customer_id: "cus_a", attribute: "category", value: "rings", share: 0.75 },
      ])
    })

    it("keeps none of a model's rows when one of them is refused", async () => {
      const model = await newModel()
      await expect(
        service.storeRecommendations(
          model.id,
          [
            { customer_id: "cus_b", rank: 1, design_id: "design:a", title: "A", score: 1, reason: "r" },
            // No reason: the column is NOT NULL, so the whole COPY and what was written before it in the transaction go.
            { customer_id: "cus_b", rank: 2, design_id: "design:b", title: "B", score: 1, reason: null as unknown as string },
          ],
          [{ customer_id: "cus_b", attribute: "metal", value: "gold", share: 1 }],
          [design("design:a")]
        )
      ).rejects.toThrow(/reason/)
      expect(await service.listCustomerRecommendations({ model_id: model.id })).toEqual([])
      expect(await service.listCustomerAffinities({ model_id: model.id })).toEqual([])
      expect(await service.listPreferenceDesigns({ model_id: model.id })).toEqual([])
    })
  },
})
