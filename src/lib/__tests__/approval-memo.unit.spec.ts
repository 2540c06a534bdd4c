import { defaultDueAt, dueDateProblem, isOverdue, memoLineProblem, summarizeMemo } from "../approval-memo"

describe("approval memos", () => {
  const now = new Date("2026-12-05T10:00:00Z")

  it("keeps pieces on approval between a day and a month, three days unless told", () => {
    expect(defaultDueAt(now).toISOString()).toBe("2026-12-08T10:00:00.000Z")
    expect(dueDateProblem(new Date("2026-12-06T10:00:00Z"), now)).toBeNull()
    expect(dueDateProblem(new Date("2027-01-04T10:00:00Z"), now)).toBeNull()
    expect(dueDateProblem(new Date("2026-12-05T12:00:00Z"), now)).toBe("due_at: pieces go on approval for at least 1 day")
    expect(dueDateProblem(new Date("2026-12-01T10:00:00Z"), now)).toBe("due_at: pieces go on approval for at least 1 day")
    expect(dueDateProblem(new Date("2027-01-05T10:00:01Z"), now)).toBe("due_at: pieces go on approval for at most 30 days")
  })

  it("returns or sells a piece only while it is out", () => {
    expect(memoLineProblem("SGJ-RNG-1", "out", "return")).toBeNull()
    expect(memoLineProblem("SGJ-RNG-1", "out", "sell")).toBeNull()
    expect(memoLineProblem("SGJ-RNG-1", "returned", "return")).toBe("SGJ-RNG-1 was returned already")
    expect(memoLineProblem("SGJ-RNG-1", "returned", "sell")).toBe("SGJ-RNG-1 was returned from this memo and is back in stock; sell it without the memo")
    expect(memoLineProblem("SGJ-RNG-1", "sold", "return")).toBe("SGJ-RNG-1 was sold from this memo already")
  })

  it("is overdue while open past its due date; a closed memo never is", () => {
    expect(isOverdue({ status: "open", due_at: "2026-12-05T09:59:59Z" }, now)).toBe(true)
    expect(isOverdue({ status: "open", due_at: "2026-12-05T10:00:01Z" }, now)).toBe(false)
    expect(isOverdue({ status: "closed", due_at: "2026-12-01T00:00:00Z" }, now)).toBe(false)
  })

  it("counts a memo of a ring, a pair of earrings and five coins: the ring bought, the coins back", () => {
    expect(
      summarizeMemo([
        { state: "sold", quantity: 1 },
        { state: "out", quantity: 1 },
        { state: "returned", quantity: 5 },
      ])
    ).toEqual({ out: 1, returned: 5, sold: 1, pieces: 7 })
  })
})
