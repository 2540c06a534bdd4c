import { interactionWeight, PreferenceDataError, priceBand, readInteractionsCsv, readItemsCsv, type Interaction, type Item } from "../data"
import { evaluateItems, evaluateRecommenders, evaluationTable, hitRate, holdOutLastWeeks, ndcg } from "../evaluate"
import { evaluationOptions } from "../cli"
import {
  affinityScore,
  affinityScores,
  attributeAffinityBaseline,
  customerAffinities,
  designsOf,
  encodeDesigns,
  popularityBaseline,
  popularList,
  recommend,
  topKOfScores,
  type TrainingSet,
} from "../recommenders"

const item = (item_id: string, over: Partial<Item> = {}): Item => ({
  item_id,
  metal: "gold",
  purity: 916,
  category: "rings",
  design_code: null,
  net_weight_mg: 4_000,
  price_paise: 40_000_00,
  ...over,
})
const day = (d: string) => new Date(`${d}T12:00:00Z`)
const seen = (customer_id: string, item_id: string, at: string, kind: Interaction["kind"] = "purchase"): Interaction => ({ customer_id, item_id, at: day(at), kind })

describe("the preference model's data", () => {
  it("weighs a purchase over a glance and halves interest every 180 days", () => {
    const now = day("2026-12-01")
    expect(interactionWeight("purchase", now, now)).toBe(1)
    expect(interactionWeight("view", now, now)).toBe(0.1)
    expect(interactionWeight("purchase", new Date(now.getTime() - 180 * 86_400_000), now)).toBeCloseTo(0.5, 10)
    expect(interactionWeight("wishlist", new Date(now.getTime() - 360 * 86_400_000), now)).toBeCloseTo(0.125, 10)
    // Something dated after `now` counts as new, not more.
    expect(interactionWeight("enquiry", new Date(now.getTime() + 86_400_000), now)).toBe(0.3)
  })

  it("puts a price in the profile's budget bands", () => {
    expect([priceBand(24_999_99), priceBand(25_000_00), priceBand(99_999_99), priceBand(1_00_000_00), priceBand(5_00_000_00), priceBand(null)]).toEqual([
      "under_25k",
      "from_25k_to_1l",
      "from_25k_to_1l",
      "from_1l_to_5l",
      "above_5l",
      null,
    ])
  })

  it("reads items.csv in integers (milligrams, paise) and groups pieces by design code", () => {
    const items = readItemsCsv(
      "item_id,metal,purity,category,design_code,net_weight_g,price_inr\nA1,Gold,916,Rings,KML-01,4.125,52340.50\nA2,gold,916,rings,KML-01,4.3,54000\nB1,silver,925,silverware,,120,9800\n"
    )
    expect(items[0]).toEqual({ item_id: "A1", metal: "gold", purity: 916, category: "rings", design_code: "KML-01", net_weight_mg: 4125, price_paise: 5234050 })
    expect(items[2].design_code).toBeNull()
    const { designs, designOfItem } = designsOf(items)
    expect([...designs.keys()]).toEqual(["design:KML-01", "item:B1"])
    expect(designs.get("design:KML-01")).toMatchObject({ items: ["A1", "A2"], band: "from_25k_to_1l", purity: 916 })
    expect(designOfItem.get("A2")).toBe("design:KML-01")
  })

  it("refuses a bad file naming the row and the field", () => {
    const head = "item_id,metal,purity,category,design_code,net_weight_g,price_inr\n"
    const bad = (text: string) => () => readItemsCsv(text)
    expect(bad("item_id,metal\nA,gold\n")).toThrow("items.csv has no column purity, category, design_code, net_weight_g, price_inr")
    expect(bad(`${head}A,gold,22K,rings,,4,100\n`)).toThrow('items.csv line 2: purity "22K" is not a fineness in parts per thousand')
    expect(bad(`${head}A,gold,916,rings,,4.1234,100\n`)).toThrow('items.csv line 2: net_weight_g "4.1234" is not a weight in grams')
    expect(bad(`${head}A,gold,916,rings,,4,100\nA,gold,916,rings,,4,100\n`)).toThrow("items.csv line 3: item A is listed twice")
    expect(bad("")).toThrow(PreferenceDataError)

    const items = new Map([["A", item("A")]])
    const interactions = (text: string) => () => readInteractionsCsv(`customer_id,item_id,timestamp,kind\n${text}`, items)
    expect(readInteractionsCsv("customer_id,item_id,timestamp,kind\nc1,A,2026-03-01,Wishlist\nc1,A,1767225600,purchase\n", items)).toEqual([
      { customer_id: "c1", item_id: "A", at: new Date("2026-03-01"), kind: "wishlist" },
      { customer_id: "c1", item_id: "A", at: new Date("2026-01-01T00:00:00Z"), kind: "purchase" },
    ])
    expect(interactions("c1,A,2026-03-01,like\n")).toThrow('interactions.csv line 2: kind "like" is not one of purchase, wishlist, enquiry, view')
    expect(interactions("c1,A,01/03/2026,view\n")).toThrow('interactions.csv line 2: timestamp "01/03/2026" is not an ISO 8601 date')
    expect(interactions("c1,Z,2026-03-01,view\n")).toThrow("interactions.csv line 2: item Z is not in the items file")
    expect(interactions(",A,2026-03-01,view\n")).toThrow("interactions.csv line 2: customer_id and item_id are needed")
  })

  it("reads the command's options and refuses what it does not know", () => {
    expect(evaluationOptions([])).toEqual({ weeks: 8, k: 10, json: false })
    expect(evaluationOptions(["--weeks", "12", "--k", "5", "--json", "--items", "i.csv", "--interactions", "x.csv"])).toEqual({
      weeks: 12,
      k: 5,
      json: true,
      items: "i.csv",
      interactions: "x.csv",
    })
    expect(() => evaluationOptions(["--weeks", "0"])).toThrow("--weeks takes a whole number from 1 to 520")
    expect(() => evaluationOptions(["--items", "i.csv"])).toThrow("--interactions and --items go together")
    expect(() => evaluationOptions(["--k"])).toThrow("--k needs a value")
    expect(() => evaluationOptions(["--model", "x"])).toThrow("unknown argument --model")
  })
})

describe("the measures", () => {
  it("counts a hit anywhere in the top k, and NDCG by how high the bought designs are", () => {
    const bought = new Set(["d3"])
    expect(hitRate(["d1", "d2", "d3"], bought)).toBe(1)
    expect(hitRate(["d1", "d2"], bought)).toBe(0)
    expect(ndcg(["d3", "d1"], bought, 10)).toBe(1)
    // At rank 3: 1/log2(4) = 0.5.
    expect(ndcg(["d1", "d2", "d3"], bought, 10)).toBeCloseTo(0.5, 10)
    // Two bought, found at ranks 1 and 3: (1 + 0.5) / (1 + 1/log2(3)).
    expect(ndcg(["a", "x", "b"], new Set(["a", "b"]), 10)).toBeCloseTo(1.5 / (1 + 1 / Math.log2(3)), 10)
    expect(ndcg(["x", "a"], new Set(["a"]), 1)).toBe(0)
  })

  it("holds out the last weeks' purchases of customers known before them", () => {
    const designOfItem = new Map([["A", "dA"], ["B", "dB"], ["C", "dC"]])
    const split = holdOutLastWeeks(
      [seen("c1", "A", "2026-01-10"), seen("c1", "B", "2026-11-20"), seen("c2", "C", "2026-11-25"), seen("c1", "C", "2026-11-28", "wishlist"), seen("c3", "A", "2026-11-01")],
      designOfItem,
      4
    )
    expect(split.cutoff.toISOString()).toBe("2026-10-31T12:00:00.000Z")
    expect(split.training).toEqual([seen("c1", "A", "2026-01-10")])
    // c2 and c3 were not known before the cut-off; c1's wishlist entry is not a purchase.
    expect([...split.bought]).toEqual([["c1", new Set(["dB"])]])
  })
})

describe("the baselines", () => {
  const items = [
    item("R1", { design_code: "ring-a" }),
    item("R2", { design_code: "ring-b", purity: 750 }),
    item("N1", { design_code: "neck-a", category: "necklaces", price_paise: 2_50_000_00 }),
    item("S1", { design_code: "silver-a", metal: "silver", purity: 925, category: "silverware", price_paise: 8_000_00 }),
    item("S2", { design_code: "silver-b", metal: "silver", purity: 925, category: "silverware", price_paise: 9_000_00 }),
  ]
  const { designs, designOfItem } = designsOf(items)
  const training: TrainingSet = {
    now: day("2026-06-01"),
    designs,
    designOfItem,
    interactions: [
      seen("gold-lover", "R1", "2026-05-01"),
      seen("gold-lover", "N1", "2026-05-02", "enquiry"),
      seen("silver-lover", "S1", "2026-05-01"),
      seen("silver-lover", "S1", "2026-05-03", "wishlist"),
      seen("x", "N1", "2026-05-20"),
      seen("y", "N1", "2026-05-21"),
    ],
  }

  it("popularity names the same designs for everyone, most weighted interest first", () => {
    const popular = popularityBaseline(training)
    expect(recommend(popular, "gold-lover", 3)).toEqual(["design:neck-a", "design:silver-a", "design:ring-a"])
    expect(recommend(popular, "silver-lover", 3)).toEqual(recommend(popular, "gold-lover", 3))
  })

  it("attribute affinity names more of what the customer chose: category, metal, purity, price band", () => {
    const affinity = customerAffinities(training).get("silver-lover")!
    expect(affinity.metal.get("silver")).toBe(1)
    // The unseen silver design ranks just after the one bought, ahead of every gold piece.
    expect(recommend(attributeAffinityBaseline(training), "silver-lover", 3)).toEqual(["design:silver-a", "design:silver-b", "design:neck-a"])
    // Rings were bought (weight ~1), the necklace asked about (~0.3): the 22 karat ring first, then the 18 karat one by category.
    expect(recommend(attributeAffinityBaseline(training), "gold-lover", 3)).toEqual(["design:ring-a", "design:ring-b", "design:neck-a"])
    // Nobody known: the popular list.
    expect(recommend(attributeAffinityBaseline(training), "new", 2)).toEqual(["design:neck-a", "design:silver-a"])
  })

  it("evaluates both on a hold-out where tastes hold: affinity beats popularity, and names new designs", () => {
    // Twenty gold buyers and twenty silver buyers; in the last weeks each buys a design of their metal nobody bought before.
    const shop = [
      ...items,
      item("R9", { design_code: "ring-new" }),
      item("S9", { design_code: "silver-new", metal: "silver", purity: 925, category: "silverware", price_paise: 8_500_00 }),
    ]
    const interactions: Interaction[] = []
    for (let i = 0; i < 20; i++) {
      interactions.push(seen(`g${i}`, i % 2 ? "R1" : "R2", "2026-03-01"), seen(`g${i}`, "N1", "2026-04-01", "view"))
      interactions.push(seen(`s${i}`, i % 2 ? "S1" : "S2", "2026-03-01"), seen(`s${i}`, "S1", "2026-04-01", "wishlist"))
      interactions.push(seen(`g${i}`, "R9", "2026-11-20"), seen(`s${i}`, "S9", "2026-11-20"))
    }
    interactions.push(...Array.from({ length: 30 }, (_, i) => seen(`n${i}`, "N1", "2026-02-01")))
    const evaluation = evaluateItems(shop, interactions, { k: 2, weeks: 4 })
    expect(evaluation).toMatchObject({ k: 2, test_customers: 40, designs: 7 })
    const [popularity, affinity] = evaluation.rows
    expect(popularity).toMatchObject({ model: "popularity", hr_at_k: 0, cold_item_share: 0 })
    // The 22 karat ring buyers (a quarter) get the new 22 karat ring second, tied with theirs and less popular; the
    // 18 karat ring buyers and the silver buyers have two old designs of their own ahead of the new one.
    expect(affinity.hr_at_k).toBe(0.25)
    expect(affinity.ndcg_at_k).toBeCloseTo(0.25 / Math.log2(3), 10)
    const wider = evaluateItems(shop, interactions, { k: 3, weeks: 4 }).rows[1]
    expect(wider).toMatchObject({ model: "attribute affinity", hr_at_k: 1, customers: 40 })
    expect(wider.cold_item_share).toBeCloseTo(1 / 3, 10)
    expect(wider.coverage).toBeCloseTo(6 / 7, 10)
    expect(evaluationTable(evaluation)).toContain("| popularity | 0.000 | 0.000 |")
  })

  it("says why it cannot judge: too few interactions, or nobody bought after the cut-off", () => {
    const { designs: d, designOfItem: m } = designsOf(items)
    expect(() => evaluateRecommenders([popularityBaseline], { interactions: training.interactions, designs: d, designOfItem: m })).toThrow(
      "6 interactions are too few to judge tastes on (at least 50)"
    )
    const old = Array.from({ length: 60 }, (_, i) => seen(`c${i}`, "R1", "2026-01-01"))
    expect(() => evaluateRecommenders([popularityBaseline], { interactions: old, designs: d, designOfItem: m }, { weeks: 4 })).toThrow(
      "no customer known before 2025-12-04 bought after it"
    )
  })
})

describe("every design's affinity at once", () => {
  it("gives each design what affinityScore gives it, none for a customer without history", () => {
    const { designs, designOfItem } = designsOf([
      item("R1", { design_code: "ring-a" }),
      item("R2", { design_code: "ring-b", purity: 750 }),
      item("B1", { design_code: "bar", category: "coins-bars", purity: null, price_paise: null }),
      item("S1", { design_code: "silver-a", metal: "silver", purity: 925, category: "silverware", price_paise: 8_000_00 }),
    ])
    const byColumn = [...designs.values()]
    const affinity = customerAffinities({
      now: day("2026-06-01"),
      designs,
      designOfItem,
      interactions: [seen("c", "R1", "2026-05-01"), seen("c", "S1", "2026-05-02", "wishlist"), seen("c", "B1", "2026-05-03", "enquiry")],
    }).get("c")
    const scores = affinityScores(encodeDesigns(byColumn), affinity, new Float64Array(byColumn.length))
    expect(Array.from(scores)).toEqual(byColumn.map((d) => affinityScore(affinity, d)))
    // A 22K ring bought: the 22K ring scores its category, metal, purity and band; the 18K one all but the purity.
    const at = (id: string) => scores[byColumn.findIndex((d) => d.id === id)]
    expect(at("design:ring-a")).toBeGreaterThan(at("design:ring-b"))
    expect(at("design:ring-b")).toBeGreaterThan(0)
    expect(Array.from(affinityScores(encodeDesigns(byColumn), undefined, new Float64Array(byColumn.length)))).toEqual([0, 0, 0, 0])
  })
})

describe("the best k of many scores", () => {
  it("heads the full sort (score down, then id), ties at the k-th place included", () => {
    let seed = 7
    const next = () => (seed = (seed * 48_271) % 2_147_483_647)
    const ids = Array.from({ length: 2_000 }, (_, i) => `d${String(next() % 100_000).padStart(5, "0")}-${i}`)
    // Few distinct scores, so many designs tie and the id decides.
    const scores = Float64Array.from(ids, () => (next() % 40) / 8)
    const sorted = ids.map((id, i) => ({ id, score: scores[i] })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    for (const k of [0, 1, 10, 37, 2_000, 2_500]) {
      expect(topKOfScores(ids, scores, k)).toEqual(sorted.slice(0, k))
    }
  })

  it("works the popular list out once and answers a shorter k from it", () => {
    const popularity = new Map([["a", 1], ["b", 5], ["c", 3], ["d", 5]])
    const popular = popularList(["a", "b", "c", "d"], popularity)
    expect(popular(3).map((d) => d.id)).toEqual(["b", "d", "c"])
    expect(popular(1).map((d) => d.id)).toEqual(["b"])
    expect(popular(10).map((d) => d.id)).toEqual(["b", "d", "c", "a"])
  })
})
