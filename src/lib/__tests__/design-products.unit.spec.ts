import { parseCsv } from "../csv"
import {
  chooseDesignProduct,
  designHandle,
  designOptionTitles,
  designOptionValues,
  existingDesignProblem,
  pieceDescription,
  pieceVariantTitle,
  type ExistingDesignProduct,
} from "../design-products"
import { readIntakeSheet } from "../stock-intake"

const HEADER = "tag_code,category,metal,purity,gross_weight_g,net_weight_g,making_type,making_value,branch,quantity,design_code,size"
const ring = (tag: string, size = "") => ({ row: 2, tag_code: tag, category: "rings", size: size || null, design_code: "LAK-01" })

describe("design products", () => {
  it("groups a sheet's pieces by design code in capitals, and refuses a design split across categories", () => {
    const { pieces, errors } = readIntakeSheet(
      parseCsv(
        `${HEADER}\n` +
          "R-1,rings,gold,916,4.1,4.1,per_gram,450,MUM,1,lak-01,12\n" +
          "R-2,rings,gold,916,4.3,4.3,per_gram,450,PUN,1,LAK-01 ,14\n" +
          "R-3,pendants,gold,916,2.0,2.0,per_gram,450,MUM,1,Lak-01,\n" +
          "R-4,rings,gold,916,4.0,4.0,per_gram,450,MUM,1,,\n"
      )
    )
    expect(pieces.map((p) => [p.tag_code, p.design_code, p.size])).toEqual([
      ["R-1", "LAK-01", "12"],
      ["R-2", "LAK-01", "14"],
      ["R-4", null, null],
    ])
    expect(errors).toEqual([
      { row: 4, reason: 'design LAK-01 is in category "rings" in row 2; a design is one product, so its pieces share a category' },
    ])
  })

  it("names a design's product, options and variants from its pieces", () => {
    expect(designHandle(" Lak 01/Antique ")).toBe("design-lak-01-antique")
    expect(designOptionTitles([{ size: null }, { size: "12" }])).toEqual(["Size", "Piece"])
    expect(designOptionTitles([{ size: null }])).toEqual(["Piece"])
    // A piece without a size, in a design that has sizes, is free size.
    expect(designOptionValues(["Size", "Piece"], ring("R-9"))).toEqual({ Size: "Free size", Piece: "R-9" })
    expect(designOptionValues(["piece"], ring("R-9", "12"))).toEqual({ piece: "R-9" })
    expect(designOptionValues(["Ring size", "Piece"], ring("R-9", "12"))).toEqual({ "Ring size": "12", Piece: "R-9" })
    expect(pieceVariantTitle(ring("R-9", "12"))).toBe("12 – R-9")
    expect(pieceVariantTitle(ring("R-9"))).toBe("R-9")
  })

  it("lets a piece join an existing design product only where the sheet can fill its options and the category fits", () => {
    const product: ExistingDesignProduct = { product_id: "prod_1", title: "Lakshmi Ring", option_titles: ["Size", "Piece"], category_handles: ["rings"] }
    expect(existingDesignProblem(product, ring("R-1", "12"))).toBeNull()
    expect(existingDesignProblem({ ...product, option_titles: ["Size"] }, ring("R-1"))).toMatch(/has no "Piece" option to tell its pieces apart/)
    expect(existingDesignProblem({ ...product, option_titles: ["Ring size", "Piece"] }, ring("R-1"))).toBeNull()
    expect(existingDesignProblem({ ...product, option_titles: ["Colour", "Ring size", "Piece"] }, ring("R-1"))).toMatch(
      /options "Colour", "Ring size" the sheet's one size column cannot fill/
    )
    expect(existingDesignProblem(product, { ...ring("P-1"), category: "pendants" })).toBe(
      'design LAK-01 is the product "Lakshmi Ring" in category "rings", not "pendants"'
    )
  })

  it("joins new pieces to the product holding most of the design, the earliest on a tie", () => {
    const older = { product_id: "a", pieces: 1, created_at: "2026-01-01" }
    const newer = { product_id: "b", pieces: 1, created_at: "2026-02-01" }
    expect(chooseDesignProduct([newer, older])?.product_id).toBe("a")
    expect(chooseDesignProduct([older, { ...newer, pieces: 3 }])?.product_id).toBe("b")
    expect(chooseDesignProduct([])).toBeUndefined()
  })

  it("names a piece on a document without saying its product's title twice", () => {
    expect(pieceDescription("Kada 22K Gold Bangle", "Kada 22K Gold Bangle – 2.4 – No. 2")).toBe("Kada 22K Gold Bangle – 2.4 – No. 2")
    expect(pieceDescription("Lakshmi Ring", "12 – R-9")).toBe("Lakshmi Ring – 12 – R-9")
    expect(pieceDescription("Gold Coin", "Gold Coin")).toBe("Gold Coin")
    expect(pieceDescription(null, "12 – R-9")).toBe("12 – R-9")
    expect(pieceDescription(null, null)).toBe("")
  })
})
