import { alsRecommender, choleskySolve, trainAls } from "../als"
import type { Interaction, Item } from "../data"
import { designsOf, recommend, scoreEach, type TrainingSet } from "../recommenders"

const item = (item_id: string, over: Partial<Item> = {}): Item => ({
  item_id,
  metal: "gold",
  purity: 916,
  category: "rings",
  design_code: item_id,
  net_weight_mg: 4_000,
  price_paise: 40_000_00,
  ...over,
})
const at = new Date("2026-06-01T00:00:00Z")
const bought = (customer_id: string, item_id: string): Interaction => ({ customer_id, item_id, at, kind: "purchase" })

describe("the preference model (implicit ALS)", () => {
  it("solves a symmetric positive-definite system by Cholesky", () => {
    // [[4, 2], [2, 3]]·x = [10, 8] → x = [1.75, 1.5]
    const b = Float64Array.from([10, 8])
    choleskySolve(Float64Array.from([4, 2, 2, 3]), b, 2)
    expect(b[0]).toBeCloseTo(1.75, 12)
    expect(b[1]).toBeCloseTo(1.5, 12)
  })

  // Bridal buyers take a necklace and bangles together; daily-wear buyers a chain and studs. Attributes alone
  // (all 22 karat gold, one price band) cannot tell which goes with which: only who bought what together can.
  const items = [
    item("NECK", { category: "necklaces" }),
    item("BANGLE", { category: "bangles" }),
    item("CHAIN", { category: "chains" }),
    item("STUDS", { category: "earrings" }),
    item("NEW-BANGLE", { category: "bangles" }),
  ]
  const { designs, designOfItem } = designsOf(items)
  const interactions: Interaction[] = []
  for (let i = 0; i < 12; i++) {
    interactions.push(bought(`bride${i}`, "NECK"), bought(`bride${i}`, "BANGLE"), bought(`daily${i}`, "CHAIN"), bought(`daily${i}`, "STUDS"))
  }
  interactions.push(bought("new-bride", "NECK"), bought("new-daily", "CHAIN"))
  const training: TrainingSet = { interactions, designs, designOfItem, now: at }

  it("learns what is bought together: a necklace buyer is offered bangles, a chain buyer studs", () => {
    const recommender = alsRecommender({ collaborative_weight: 1000 })(training)
    expect(recommend(recommender, "new-bride", 2)).toEqual(["design:NECK", "design:BANGLE"])
    expect(recommend(recommender, "new-daily", 2)).toEqual(["design:CHAIN", "design:STUDS"])
    // Someone it never saw: the popular designs (13 buyers each; ties by name).
    expect(recommend(recommender, "stranger", 2)).toEqual(["design:CHAIN", "design:NECK"])
  })

  it("places a design nobody has bought yet like the designs most like it, and trains the same way twice", () => {
    const model = trainAls(training)
    const row = (d: string) => Array.from(model.designFactors.slice(model.designs.indexOf(d) * model.factors, (model.designs.indexOf(d) + 1) * model.factors))
    // The new bangles have no history: they take the factors of the bangles that sold (same category, metal, purity).
    expect(row("design:NEW-BANGLE")).toEqual(row("design:BANGLE"))
    expect(recommend(alsRecommender()(training), "new-bride", 3)).toContain("design:NEW-BANGLE")
    expect(Array.from(trainAls(training).customerFactors)).toEqual(Array.from(model.customerFactors))
  })

  it("scores many customers at once as it scores each alone, strangers and a short last block included", () => {
    const recommender = alsRecommender()(training)
    // 27 known customers and a stranger: six blocks of four, the last short.
    const customers = [...new Set(interactions.map((i) => i.customer_id)), "stranger"]
    expect(recommender.scoredEach).toBeDefined()
    expect(scoreEach(recommender, customers, 3)).toEqual(customers.map((c) => recommender.scored(c, 3)))
    expect(scoreEach(recommender, customers.slice(0, 1), 5)).toEqual([recommender.scored(customers[0], 5)])
    expect(scoreEach(recommender, [], 3)).toEqual([])
  })
})
