import { roundedRatio, multiplierToBp, mulDivHalfUp, paiseToAmount, paiseToDecimal, percentToBp, rupeesToPaise } from "../money"

describe("money", () => {
  it("writes paise as an exact rupee decimal", () => {
    expect(paiseToDecimal(7245050)).toBe("72450.5")
    expect(paiseToDecimal(100)).toBe("1")
    expect([paiseToDecimal(7245050, { fixed: true }), paiseToDecimal(100, { fixed: true }), paiseToDecimal(-8, { fixed: true })]).toEqual(["72450.50", "1.00", "-0.08"])
    expect(paiseToDecimal(1)).toBe("0.01")
    expect(paiseToDecimal(0)).toBe("0")
    expect(paiseToDecimal(-250)).toBe("-2.5")
    expect(paiseToDecimal(9007199254740991)).toBe("90071992547409.91")
  })

  it("refuses fractional paise", () => {
    expect(() => paiseToDecimal(1.5)).toThrow()
    expect(() => paiseToAmount(Number.NaN)).toThrow()
  })

  it("rounds half up in integer arithmetic", () => {
    expect(mulDivHalfUp(5, 1, 2)).toBe(3)
    expect(mulDivHalfUp(724550, 8350, 1000)).toBe(6049993)
  })

  it("parses rupees without losing paise", () => {
    expect(rupeesToPaise("7,245.50")).toBe(724550)
    expect(() => rupeesToPaise("1.005")).toThrow()
  })

  it("parses percentages and multipliers into basis points without float drift", () => {
    expect(percentToBp(20)).toBe(2000)
    expect(percentToBp("12.5")).toBe(1250)
    expect(multiplierToBp(1.25)).toBe(12500)
    expect(multiplierToBp("1.0001")).toBe(10001)
    expect(() => multiplierToBp("1.00001")).toThrow(/more than 4 decimals/)
  })
})

describe("roundedRatio", () => {
  it("divides to the places asked, half up, and has no rate without a whole", () => {
    expect(roundedRatio(3, 4, 4)).toBe(0.75)
    expect(roundedRatio(1, 3, 4)).toBe(0.3333)
    expect(roundedRatio(2, 3, 4)).toBe(0.6667)
    // ₹10,000.50 of revenue for ₹500 of discount: 20.001 → 20.00.
    expect(roundedRatio(10_00_050, 50_000, 2)).toBe(20)
    // 3 left at 7 sold in 30 days: 12.857… days → 12.9.
    expect(roundedRatio(90, 7, 1)).toBe(12.9)
    expect(roundedRatio(1, 8, 2)).toBe(0.13)
    expect(roundedRatio(5, 0, 4)).toBeNull()
  })
})
