import type { Interaction, Item } from "../data"
import { customerAffinities, designsOf } from "../recommenders"
import { reasonFor, refreshCustomerDesigns, trainPreferences } from "../training"

const item = (item_id: string, over: Partial<Item> = {}): Item & { title: string } => ({
  item_id,
  metal: "gold",
  purity: 916,
  category: "rings",
  design_code: item_id,
  net_weight_mg: 4_000,
  price_paise: 40_000_00,
  title: `${item_id} design`,
  ...over,
})
const at = (d: string) => new Date(`${d}T12:00:00Z`)
const seen = (customer_id: string, item_id: string, d: string, kind: Interaction["kind"] = "purchase"): Interaction => ({ customer_id, item_id, at: at(d), kind })

describe("a training run", () => {
  const items = [
    item("RING"),
    item("RING18", { purity: 750 }),
    item("TEMPLE", { category: "necklaces", price_paise: 3_20_000_00 }),
    item("BOWL", { metal: "silver", purity: 925, category: "silverware", price_paise: 9_000_00 }),
  ]

  it("says why in the shop's words: the parts of the customer's taste a design shares", () => {
    const { designs, designOfItem } = designsOf(items)
    const affinity = customerAffinities({
      designs,
      designOfItem,
      now: at("2026-06-01"),
      interactions: [seen("c", "RING", "2026-05-01"), seen("c", "RING", "2026-05-02"), seen("c", "BOWL", "2026-05-03", "view")],
    }).get("c")
    expect(reasonFor(affinity, designs.get("design:RING")!)).toBe("buys rings · 22K 916 · ₹25k–1L")
    // Same kind and metal, another purity: the metal alone.
    expect(reasonFor(affinity, designs.get("design:RING18")!)).toBe("buys rings · gold · ₹25k–1L")
    // A glance at a bowl is under a third of their interest: nothing of their taste to say.
    expect(reasonFor(affinity, designs.get("design:BOWL")!)).toBe("bought by customers of like taste")
    expect(reasonFor(undefined, designs.get("design:TEMPLE")!)).toBe("bought by customers of like taste")
  })

  it("ranks every known customer's top designs with titles, evaluates on the hold-out, and refuses too little data", () => {
    const interactions: Interaction[] = []
    for (let i = 0; i < 30; i++) {
      interactions.push(seen(`g${i}`, i % 2 ? "RING" : "RING18", "2026-03-01"), seen(`s${i}`, "BOWL", "2026-03-01"), seen(`g${i}`, "TEMPLE", "2026-11-20"))
    }
    const run = trainPreferences(items, interactions, at("2026-12-01"), { k: 2, weeks: 4 })
    expect(run).toMatchObject({ customers: 60, designs: 4, interactions: 90, evaluation_skipped: null })
    expect(run.parameters).toMatchObject({ k: 2, weeks: 4, factors: 24 })
    expect(run.evaluation!.test_customers).toBe(30)
    expect(run.recommendations).toHaveLength(120)
    const g1 = run.recommendations.filter((r) => r.customer_id === "g1")
    // The necklace bought ten days ago outweighs the ring bought in March (interest halves every 180 days).
    expect(g1.map((r) => [r.rank, r.design_id, r.title])).toEqual([
      [1, "design:TEMPLE", "TEMPLE design"],
      [2, "design:RING", "RING design"],
    ])
    expect(g1[0].score).toBeGreaterThan(g1[1].score)

    // Nobody bought after the last four weeks' cut-off: trained all the same, the evaluation skipped with the reason.
    const early = trainPreferences(items, interactions.filter((i) => i.at < at("2026-06-01")), at("2026-12-01"), { weeks: 4 })
    expect([early.evaluation, early.evaluation_skipped]).toEqual([null, expect.stringMatching(/^no customer known before/)])
    expect(() => trainPreferences(items, interactions.slice(0, 10), at("2026-12-01"))).toThrow(
      "10 interactions are too few to train on (at least 50): the current model is kept"
    )
  })

  it("works one customer's top designs out again after a purchase, from the model's designs as trained, without training", () => {
    const interactions: Interaction[] = []
    for (let i = 0; i < 30; i++) {
      interactions.push(seen(`g${i}`, i % 2 ? "RING" : "RING18", "2026-03-01"), seen(`s${i}`, "BOWL", "2026-03-01"), seen(`s${i}`, "TEMPLE", "2026-11-20"))
    }
    const now = at("2026-12-01")
    const run = trainPreferences(items, interactions, now, { k: 3, weeks: 4 })
    expect(run.model_designs.map((d) => [d.design_id, d.title, d.category, d.factors.length])).toEqual([
      ["design:BOWL", "BOWL design", "silverware", 24],
      ["design:RING", "RING design", "rings", 24],
      ["design:RING18", "RING18 design", "rings", 24],
      ["design:TEMPLE", "TEMPLE design", "necklaces", 24],
    ])
    const night = run.recommendations.filter((r) => r.customer_id === "g1")
    const own = interactions.filter((i) => i.customer_id === "g1")
    // Nothing new: the same designs in the same order as the night's, with the same reasons.
    const same = refreshCustomerDesigns(run.model_designs, run.parameters, items, own, "g1", now)
    expect(same.map((r) => [r.rank, r.design_id, r.reason])).toEqual(night.map((r) => [r.rank, r.design_id, r.reason]))
    expect(same[0].score).toBeCloseTo(night[0].score, 1)
    // A ring buyer buys a silver bowl today: silverware moves up, said so; and what they bought before stays.
    const after = refreshCustomerDesigns(run.model_designs, run.parameters, items, [...own, seen("g1", "BOWL", "2026-12-01")], "g1", now)
    expect(night.map((r) => r.design_id)).not.toContain("design:BOWL")
    expect(after.map((r) => r.design_id)).toContain("design:BOWL")
    expect(after.find((r) => r.design_id === "design:BOWL")!.reason).toMatch(/buys silverware/)
    expect(after.map((r) => r.design_id)).toContain("design:RING")
    // A customer the model never saw, and a design it never saw: scored by what they are; no model designs, nothing.
    const newcomer = refreshCustomerDesigns(run.model_designs, run.parameters, [...items, item("NEW", { category: "bangles" })], [seen("n", "NEW", "2026-12-01"), seen("n", "RING", "2026-12-01")], "n", now)
    expect(newcomer[0]).toMatchObject({ customer_id: "n", rank: 1, design_id: expect.stringMatching(/^design:RING/) })
    expect(refreshCustomerDesigns([], run.parameters, items, own, "g1", now)).toEqual([])
  })
})
