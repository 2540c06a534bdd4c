import { applyFilters, filtersQuery, readFilters, type CataloguePiece } from "../catalogue"
import { formatGrams, formatPurity, formatRupees, metalLabel } from "../format"
import { jsonLd, productStructuredData } from "../structured-data"

const piece = (over: Partial<CataloguePiece>): CataloguePiece => ({
  handle: "p",
  title: "P",
  category_handles: [],
  metal: "gold",
  purity: 916,
  price: 50_000,
  net_weight_g: 6,
  in_stock: true,
  created_at: "2026-12-01T00:00:00Z",
  ...over,
})

describe("storefront catalogue", () => {
  it("reads filters from the address, leaving out what it does not know", () => {
    expect(readFilters({ metal: "gold", purity: "916", category: "rings", price: "25k-75k", weight: "5-15g", branch: "mum", sort: "price-asc" })).toEqual({
      metal: "gold",
      purity: 916,
      category: "rings",
      price: "25k-75k",
      weight: "5-15g",
      branch: "MUM",
      sort: "price-asc",
    })
    expect(readFilters({ metal: "brass", purity: "abc", price: "cheap", sort: "random", category: "<script>" })).toEqual({
      metal: undefined,
      purity: undefined,
      category: "script",
      price: undefined,
      weight: undefined,
      branch: undefined,
      sort: "newest",
    })
    expect(readFilters({ metal: ["silver", "gold"] }).metal).toBe("silver")
  })

  it("writes the filters back as an address, defaults left out", () => {
    expect(filtersQuery({ metal: "gold", purity: 916, sort: "newest" })).toBe("?metal=gold&purity=916")
    expect(filtersQuery({ sort: "price-desc", branch: "PUN" })).toBe("?branch=PUN&sort=price-desc")
    expect(filtersQuery({ sort: "newest" })).toBe("")
  })

  it("filters by metal, purity, category, bands and branch stock, and sorts with ties by title", () => {
    const pieces = [
      piece({ handle: "a", title: "Anklet", metal: "silver", purity: 925, price: 4_000, net_weight_g: 30, created_at: "2026-12-03T00:00:00Z" }),
      piece({ handle: "b", title: "Bangle", category_handles: ["bangles"], price: 120_000, net_weight_g: 16, in_stock: false }),
      piece({ handle: "c", title: "Chain", category_handles: ["chains"], price: 60_000, net_weight_g: 8 }),
      piece({ handle: "d", title: "Drop", category_handles: ["earrings"], price: 60_000, net_weight_g: 7, created_at: "2026-12-02T00:00:00Z" }),
      piece({ handle: "e", title: "Estimate", price: null, net_weight_g: null }),
    ]
    const handles = (f: Parameters<typeof readFilters>[0]) => applyFilters(pieces, readFilters(f)).map((p) => p.handle)
    expect(handles({})).toEqual(["a", "d", "b", "c", "e"])
    expect(handles({ metal: "gold", sort: "price-asc" })).toEqual(["c", "d", "b", "e"])
    expect(handles({ sort: "price-desc" })).toEqual(["b", "c", "d", "a", "e"])
    expect(handles({ price: "25k-75k" })).toEqual(["d", "c"])
    expect(handles({ weight: "15-40g", sort: "weight-desc" })).toEqual(["a", "b"])
    expect(handles({ category: "bangles" })).toEqual(["b"])
    expect(handles({ purity: "925" })).toEqual(["a"])
    // With a branch chosen, only what is in stock there.
    expect(handles({ metal: "gold", branch: "MUM", sort: "price-asc" })).toEqual(["c", "d", "e"])
  })

  it("writes rupees the Indian way, grams to three places and purities as jewellers say them", () => {
    expect(formatRupees(123456.5)).toBe("₹1,23,456.50")
    expect(formatRupees(-0.01)).toBe("-₹0.01")
    expect(formatRupees(81508)).toBe("₹81,508")
    expect(formatGrams(9.5)).toBe("9.500 g")
    expect([formatPurity("gold", 916), formatPurity("gold", 750), formatPurity("silver", 925), formatPurity("gold", 123)]).toEqual([
      "22K (916)",
      "18K (750)",
      "Silver 925",
      "123",
    ])
    // In the shopper's language, with the names of the metals they know; others as stored.
    const hindi = (metal: "gold" | "silver" | "platinum") => ({ gold: "सोना", silver: "चाँदी", platinum: "प्लैटिनम" })[metal]
    expect([formatPurity("silver", 925, hindi), formatPurity("gold", 916, hindi), metalLabel("platinum", hindi), metalLabel("palladium", hindi), metalLabel("silver")]).toEqual([
      "चाँदी 925",
      "22K (916)",
      "प्लैटिनम",
      "Palladium",
      "Silver",
    ])
  })

  it("describes a product for search engines, and no product text can close its script element", () => {
    const data = productStructuredData({
      name: "Jhumka </script><script>alert(1)</script>",
      description: null,
      url: "https://shop.example/products/jhumka",
      images: [],
      sku: "SGJ-1",
      material: "Gold 916",
      weight_g: 9.5,
      price: 81508,
      in_stock: false,
      shop: "Shree Ganesh Jewellers",
    })
    expect(data).toEqual(
      expect.objectContaining({
        "@type": "Product",
        sku: "SGJ-1",
        weight: { "@type": "QuantitativeValue", value: 9.5, unitCode: "GRM" },
        offers: { "@type": "Offer", price: "81508.00", priceCurrency: "INR", availability: "https://schema.org/OutOfStock", url: "https://shop.example/products/jhumka" },
      })
    )
    expect(data).not.toHaveProperty("description")
    const text = jsonLd(data)
    expect(text).not.toContain("</script>")
    expect(JSON.parse(text).name).toBe("Jhumka </script><script>alert(1)</script>")
  })
})
