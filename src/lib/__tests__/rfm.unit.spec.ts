import { RFM_SEGMENTS, rfmMovement, rfmSegment } from "../rfm"

describe("RFM segments", () => {
  it("names every recency and frequency pair by the grid", () => {
    const grid = [5, 4, 3, 2, 1].map((r) => [1, 2, 3, 4, 5].map((f) => rfmSegment(r, f)))
    expect(grid).toEqual([
      ["new", "potential", "potential", "champions", "champions"],
      ["new", "potential", "potential", "champions", "champions"],
      ["attention", "attention", "attention", "loyal", "loyal"],
      ["hibernating", "hibernating", "at_risk", "at_risk", "at_risk"],
      ["lost", "lost", "at_risk", "at_risk", "at_risk"],
    ])
    expect(new Set(grid.flat())).toEqual(new Set(RFM_SEGMENTS))
  })

  it("counts the segments at both instants and the moves between them", () => {
    const movement = rfmMovement([
      // 3 champions stayed, 2 champions slipped to at risk, 4 first buyers are new, 1 lost customer came back as a champion.
      { r0: 5, f0: 5, r1: 5, f1: 5, customers: 3 },
      { r0: 4, f0: 4, r1: 2, f1: 4, customers: 2 },
      { r0: null, f0: null, r1: 5, f1: 1, customers: 4 },
      { r0: 1, f0: 1, r1: 4, f1: 4, customers: 1 },
    ])
    const size = (segment: string) => movement.sizes.find((s) => s.segment === segment)
    expect(size("champions")).toEqual({ segment: "champions", start: 5, end: 4 })
    expect(size("at_risk")).toEqual({ segment: "at_risk", start: 0, end: 2 })
    expect(size("new")).toEqual({ segment: "new", start: 0, end: 4 })
    expect(size("lost")).toEqual({ segment: "lost", start: 1, end: 0 })
    expect(movement.moves).toEqual([
      { from: "none", to: "new", customers: 4 },
      { from: "champions", to: "champions", customers: 3 },
      { from: "champions", to: "at_risk", customers: 2 },
      { from: "lost", to: "champions", customers: 1 },
    ])
  })
})
