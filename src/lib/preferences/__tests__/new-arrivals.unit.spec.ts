import { callsDueAt, callTitle, matchPieces, newArrivalCalls, type AffinityShare, type NewPiece } from "../new-arrivals"

const piece = (variant_id: string, over: Partial<NewPiece> = {}): NewPiece => ({
  variant_id,
  title: `${variant_id} design`,
  tag_code: `TAG-${variant_id}`,
  category: "rings",
  metal: "gold",
  purity: 916,
  band: "from_25k_to_1l",
  branch_id: "br_mum",
  ...over,
})

const shares = (customer_id: string, of: Partial<Record<AffinityShare["attribute"], [string, number]>>): AffinityShare[] =>
  Object.entries(of).map(([attribute, [value, share]]) => ({ customer_id, attribute: attribute as AffinityShare["attribute"], value, share }))

describe("the new-arrivals call list", () => {
  const ring = piece("RING")
  const necklace = piece("TEMPLE", { category: "necklaces", band: "from_1l_to_5l", branch_id: "br_pune" })
  const bowl = piece("BOWL", { metal: "silver", purity: 925, category: "silverware", band: "under_25k" })
  // Asha buys 22K rings only; Ravi mostly necklaces in gold; Meena silver.
  const stored = [
    ...shares("asha", { category: ["rings", 1], metal: ["gold", 1], purity: ["916", 1], price_band: ["from_25k_to_1l", 1] }),
    ...shares("ravi", { category: ["necklaces", 0.8], metal: ["gold", 1], purity: ["916", 0.5], price_band: ["from_1l_to_5l", 0.6] }),
    ...shares("meena", { category: ["silverware", 0.6], metal: ["silver", 0.9], purity: ["925", 0.9], price_band: ["under_25k", 1] }),
  ]

  it("scores each piece for each customer as the attribute-affinity ranking does, with the reason", () => {
    const matches = matchPieces([ring, necklace, bowl], stored)
    const score = (c: string, v: string) => matches.find((m) => m.customer_id === c && m.variant_id === v)?.score
    // 0.4 × category + 0.3 × metal + 0.2 × purity + 0.1 × price band.
    expect(score("asha", "RING")).toBeCloseTo(1)
    expect(score("asha", "TEMPLE")).toBeCloseTo(0.3 + 0.2)
    expect(score("ravi", "TEMPLE")).toBeCloseTo(0.32 + 0.3 + 0.1 + 0.06)
    expect(score("ravi", "RING")).toBeCloseTo(0.3 + 0.1)
    expect(score("meena", "BOWL")).toBeCloseTo(0.24 + 0.27 + 0.18 + 0.1)
    // Nothing in common: no match at all.
    expect(score("asha", "BOWL")).toBeUndefined()
    expect(matches.find((m) => m.customer_id === "asha" && m.variant_id === "RING")?.reason).toBe("buys rings · 22K 916 · ₹25k–1L")
  })

  it("calls each customer once, at their home branch, about their best pieces; below the least score nobody is called", () => {
    const matches = matchPieces([ring, necklace, bowl], stored)
    const home = new Map<string, string | null>([
      ["asha", "br_pune"],
      ["ravi", null],
      ["meena", "br_mum"],
    ])
    const calls = newArrivalCalls([ring, necklace, bowl], matches, home, { min_score: 0.5 })
    expect(calls.map((c) => [c.branch_id, c.customer_id, c.variant_ids])).toEqual([
      // Meena's home branch; Asha's too though her ring is in Mumbai (she shops in Pune), with the necklace (0.5) after it.
      ["br_mum", "meena", ["BOWL"]],
      ["br_pune", "asha", ["RING", "TEMPLE"]],
      // No home branch: the branch of his best piece.
      ["br_pune", "ravi", ["TEMPLE"]],
    ])
    expect(calls[1].score).toBeCloseTo(1)
    expect(newArrivalCalls([ring, necklace, bowl], matches, home, { min_score: 0.9 }).map((c) => c.customer_id)).toEqual(["asha"])
    // A customer merged away since the model was trained has no profile to call.
    home.delete("meena")
    expect(newArrivalCalls([ring, necklace, bowl], matches, home).map((c) => c.customer_id)).toEqual(["asha", "ravi"])
  })

  it("keeps each branch's best calls and names at most the pieces a call can show", () => {
    const pieces = [ring, piece("RING2"), piece("RING3"), piece("RING4")]
    const many = ["c1", "c2", "c3"].flatMap((c, i) => shares(c, { category: ["rings", 1 - i * 0.1], metal: ["gold", 1] }))
    const live = new Map<string, string | null>(["c1", "c2", "c3"].map((c) => [c, null]))
    const calls = newArrivalCalls(pieces, matchPieces(pieces, many), live, { per_branch: 2, pieces_per_call: 2 })
    expect(calls.map((c) => [c.customer_id, c.variant_ids])).toEqual([
      ["c1", ["RING", "RING2"]],
      ["c2", ["RING", "RING2"]],
    ])
  })

  it("makes the calls due by 7 pm in India the next day", () => {
    // 23:00 IST on 5 December is 17:30 UTC; 00:30 IST on 6 December is 19:00 UTC on the 5th.
    expect(callsDueAt(new Date("2026-12-05T17:30:00Z")).toISOString()).toBe("2026-12-06T13:30:00.000Z")
    expect(callsDueAt(new Date("2026-12-05T19:00:00Z")).toISOString()).toBe("2026-12-07T13:30:00.000Z")
  })

  it("titles the task with the pieces and why", () => {
    const call = { customer_id: "asha", branch_id: "br_mum", score: 1, reason: "buys rings · 22K 916", variant_ids: ["A", "B", "C"], titles: ["Lakshmi ring", "Kemp ring", "Vanki ring"] }
    expect(callTitle(call)).toBe("New arrivals to show: Lakshmi ring, Kemp ring and Vanki ring (buys rings · 22K 916)")
    expect(callTitle({ ...call, titles: ["Lakshmi ring"] })).toBe("New arrivals to show: Lakshmi ring (buys rings · 22K 916)")
    expect(callTitle({ ...call, titles: ["x".repeat(300)] })).toHaveLength(200)
  })
})
