import { freeStockProblems, repeatedTags } from "../stock-moves"

describe("pieces leaving a branch", () => {
  it("lets pieces leave only when their quantity is free at the sending branch", () => {
    expect(
      freeStockProblems(
        [
          { tag_code: "MUM-R-001", quantity: 1, stocked: 1, reserved: 0 },
          { tag_code: "MUM-R-002", quantity: 1, stocked: 0, reserved: 0 },
          { tag_code: "MUM-R-003", quantity: 1, stocked: 1, reserved: 1 },
          { tag_code: "COIN-5G", quantity: 4, stocked: 10, reserved: 7 },
          { tag_code: "COIN-10G", quantity: 3, stocked: 10, reserved: 7 },
        ],
        "Mumbai – Zaveri Bazaar"
      )
    ).toEqual([
      "MUM-R-002 is not in stock at Mumbai – Zaveri Bazaar",
      "MUM-R-003: 1 asked, 0 free at Mumbai – Zaveri Bazaar (1 in stock, 1 reserved for orders)",
      "COIN-5G: 4 asked, 3 free at Mumbai – Zaveri Bazaar (10 in stock, 7 reserved for orders)",
    ])
  })

  it("names a tag listed twice once, however it was typed", () => {
    expect(repeatedTags(["mum-r-001", "MUM-R-002", " MUM-R-001 ", "MUM-R-001", "mum-r-002"])).toEqual(["MUM-R-001", "MUM-R-002"])
    expect(repeatedTags(["A", "B"])).toEqual([])
  })
})
