import {
  allocateFifo,
  DEFAULT_PROGRAM,
  expiryFor,
  mostPointsForBill,
  pointsEarned,
  pointsForPart,
  programProblems,
  redeemablePoints,
  redemptionProblem,
  tierFor,
} from "../loyalty"

describe("loyalty rules", () => {
  it("earns whole points per ₹100 of the basis, times the tier multiplier, rounding down", () => {
    // ₹31,596.55 taxable at 1 point per ₹100: 315 points; at Gold (1.25×): 394.96 → 394.
    expect(pointsEarned(31_596_55, DEFAULT_PROGRAM)).toBe(315)
    expect(pointsEarned(31_596_55, DEFAULT_PROGRAM, 12_500)).toBe(394)
    // Making charges only, 5 points per ₹100: ₹1,845 → 92.25 → 92.
    expect(pointsEarned(1_845_00, { points_per_100_rupees: 5 })).toBe(92)
    expect(pointsEarned(99_99, DEFAULT_PROGRAM)).toBe(0)
    expect(() => pointsEarned(10.5, DEFAULT_PROGRAM)).toThrow()
  })

  it("places a rolling spend in the highest tier it reaches", () => {
    expect(tierFor(0, DEFAULT_PROGRAM.tiers).name).toBe("Silver")
    expect(tierFor(1_99_999_99, DEFAULT_PROGRAM.tiers).name).toBe("Silver")
    expect(tierFor(2_00_000_00, DEFAULT_PROGRAM.tiers).name).toBe("Gold")
    expect(tierFor(50_00_000_00, DEFAULT_PROGRAM.tiers).name).toBe("Platinum")
  })

  it("refuses redemptions over the balance, under the minimum or over the order share", () => {
    expect(redemptionProblem(50, 500, DEFAULT_PROGRAM)).toBeNull()
    expect(redemptionProblem(0, 500, DEFAULT_PROGRAM)).toMatch(/above 0/)
    expect(redemptionProblem(1.5, 500, DEFAULT_PROGRAM)).toMatch(/whole number/)
    expect(redemptionProblem(600, 500, DEFAULT_PROGRAM)).toMatch(/balance is 500, 600/)
    expect(redemptionProblem(50, 99, DEFAULT_PROGRAM)).toMatch(/at least 100 points/)
    // 20 % of a ₹10,000 order at ₹1 a point: at most 2,000 points.
    expect(redemptionProblem(2000, 5000, DEFAULT_PROGRAM, 10_000_00)).toBeNull()
    expect(redemptionProblem(2001, 5000, DEFAULT_PROGRAM, 10_000_00)).toMatch(/at most 2000 points/)
    // Without a balance only the rules that do not depend on it apply.
    expect(redemptionProblem(600, null, DEFAULT_PROGRAM)).toBeNull()
    expect(redemptionProblem(2001, null, DEFAULT_PROGRAM, 10_000_00)).toMatch(/at most 2000 points/)
  })

  it("uses the lots that expire first, never-expiring ones last", () => {
    const lots = [
      { id: "never", remaining: 100, expires_at: null, created_at: "2026-01-01" },
      { id: "late", remaining: 30, expires_at: "2027-06-01", created_at: "2025-06-01" },
      { id: "soon", remaining: 20, expires_at: "2026-12-01", created_at: "2024-12-01" },
      { id: "empty", remaining: 0, expires_at: "2026-01-01", created_at: "2024-01-01" },
    ]
    expect(allocateFifo(lots, 45)).toEqual([{ id: "soon", take: 20 }, { id: "late", take: 25 }])
    expect(allocateFifo(lots, 200)).toEqual([{ id: "soon", take: 20 }, { id: "late", take: 30 }, { id: "never", take: 100 }])
  })

  it("dates expiry N months on, or never", () => {
    expect(expiryFor(new Date("2026-11-25T10:00:00Z"), { expiry_months: 24 })?.toISOString()).toBe("2028-11-25T10:00:00.000Z")
    expect(expiryFor(new Date(), { expiry_months: null })).toBeNull()
  })

  it("finds contradictions in a program", () => {
    expect(programProblems(DEFAULT_PROGRAM)).toEqual([])
    const bad = {
      ...DEFAULT_PROGRAM,
      points_per_100_rupees: 0,
      max_redeem_share_bp: 20_000,
      tiers: [
        { name: "Silver", min_spend_paise: 0, multiplier_bp: 10_000 },
        { name: "Gold", min_spend_paise: 5_00_000_00, multiplier_bp: 12_500 },
        { name: "Platinum", min_spend_paise: 1_00_000_00, multiplier_bp: 11_000 },
      ],
    }
    const problems = programProblems(bad)
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/points per ₹100/),
        expect.stringMatching(/share of an order/),
        expect.stringMatching(/thresholds must increase: "Platinum"/),
        expect.stringMatching(/never fall: "Platinum"/),
      ])
    )
  })

  it("caps the points a bill can take at the program's share, the balance and the minimum balance", () => {
    // 20 % of ₹40,736.50 at ₹1 a point: ₹8,147.30 → 8,147 points.
    expect(mostPointsForBill(40_736_50, DEFAULT_PROGRAM)).toBe(8147)
    expect(mostPointsForBill(0, DEFAULT_PROGRAM)).toBe(0)
    expect(redeemablePoints(1000, 40_736_50, DEFAULT_PROGRAM)).toBe(1000)
    expect(redeemablePoints(20_000, 40_736_50, DEFAULT_PROGRAM)).toBe(8147)
    // Under the minimum balance of 100 nothing may be redeemed.
    expect(redeemablePoints(99, 40_736_50, DEFAULT_PROGRAM)).toBe(0)
    // At 50 paise a point, the same share buys twice the points.
    expect(mostPointsForBill(40_736_50, { ...DEFAULT_PROGRAM, point_value_paise: 50 })).toBe(16294)
  })

  it("splits an order's points over a partial return, rounding half up, never past what is still open", () => {
    // 405 points earned on ₹40,545; one of two equal pieces returned: 202.5 → 203.
    expect(pointsForPart(405, 20_272_50, 40_545_00, 405)).toBe(203)
    // The second piece takes only the 202 still open.
    expect(pointsForPart(405, 20_272_50, 40_545_00, 202)).toBe(202)
    // A redemption of −500 gives back its share as a positive count.
    expect(pointsForPart(-500, 10_000_00, 40_000_00, 500)).toBe(125)
    expect(pointsForPart(405, 0, 40_545_00, 405)).toBe(0)
    expect(pointsForPart(405, 50_000_00, 40_545_00, 405)).toBe(405)
  })
})
