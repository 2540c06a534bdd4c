/**
 * The catalogue's filters and sorting, read from the page's address so a
 * filtered list can be shared and bookmarked: metal, purity, category,
 * price band and weight band, in stock at a branch, and the order. Pure.
 * The bands' and orders' names are in the Catalogue messages, by id.
 */
export type CataloguePiece = {
  handle: string
  title: string
  category_handles: string[]
  metal: string | null
  purity: number | null
  /** rupees */
  price: number | null
  net_weight_g: number | null
  in_stock: boolean
  created_at: string
}

export const PRICE_BANDS = [
  { id: "under-25k", min: 0, max: 25_000 },
  { id: "25k-75k", min: 25_000, max: 75_000 },
  { id: "75k-2l", min: 75_000, max: 200_000 },
  { id: "over-2l", min: 200_000, max: Infinity },
] as const

export const WEIGHT_BANDS = [
  { id: "under-5g", min: 0, max: 5 },
  { id: "5-15g", min: 5, max: 15 },
  { id: "15-40g", min: 15, max: 40 },
  { id: "over-40g", min: 40, max: Infinity },
] as const

export const SORTS = [
  { id: "newest" },
  { id: "price-asc" },
  { id: "price-desc" },
  { id: "weight-desc" },
] as const

export type CatalogueFilters = {
  metal?: string
  purity?: number
  category?: string
  price?: (typeof PRICE_BANDS)[number]["id"]
  weight?: (typeof WEIGHT_BANDS)[number]["id"]
  /** a branch's code: pieces in stock there */
  branch?: string
  sort: (typeof SORTS)[number]["id"]
}

type Params = Record<string, string | string[] | undefined>

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined

/** The filters an address asks for; anything unknown is left out rather than refused, as a shop's links age. */
export function readFilters(params: Params): CatalogueFilters {
  const purity = Number(one(params.purity))
  const price = one(params.price)
  const weight = one(params.weight)
  const sort = one(params.sort)
  return {
    metal: ["gold", "silver", "platinum"].includes(one(params.metal) ?? "") ? one(params.metal) : undefined,
    purity: Number.isInteger(purity) && purity > 0 && purity <= 999 ? purity : undefined,
    category: one(params.category)?.replace(/[^a-z0-9-]/gi, "") || undefined,
    price: PRICE_BANDS.find((b) => b.id === price)?.id,
    weight: WEIGHT_BANDS.find((b) => b.id === weight)?.id,
    branch: one(params.branch)?.replace(/[^a-z0-9_-]/gi, "").toUpperCase() || undefined,
    sort: SORTS.find((s) => s.id === sort)?.id ?? "newest",
  }
}

/** The address of the catalogue with these filters (defaults left out). */
export function filtersQuery(filters: Partial<CatalogueFilters>): string {
  const pairs: [string, string][] = []
  if (filters.metal) pairs.push(["metal", filters.metal])
  if (filters.purity) pairs.push(["purity", String(filters.purity)])
  if (filters.category) pairs.push(["category", filters.category])
  if (filters.price) pairs.push(["price", filters.price])
  if (filters.weight) pairs.push(["weight", filters.weight])
  if (filters.branch) pairs.push(["branch", filters.branch])
  if (filters.sort && filters.sort !== "newest") pairs.push(["sort", filters.sort])
  return pairs.length ? `?${new URLSearchParams(pairs).toString()}` : ""
}

const within = (value: number | null, band: { min: number; max: number } | undefined) => !band || (value !== null && value >= band.min && value < band.max)

/** The pieces that pass the filters, in the order asked for (ties by title, so the order is stable). */
export function applyFilters<T extends CataloguePiece>(pieces: T[], filters: CatalogueFilters): T[] {
  const price = PRICE_BANDS.find((b) => b.id === filters.price)
  const weight = WEIGHT_BANDS.find((b) => b.id === filters.weight)
  const kept = pieces.filter(
    (p) =>
      (!filters.metal || p.metal === filters.metal) &&
      (!filters.purity || p.purity === filters.purity) &&
      (!filters.category || p.category_handles.includes(filters.category)) &&
      within(p.price, price) &&
      within(p.net_weight_g, weight) &&
      (!filters.branch || p.in_stock)
  )
  const byTitle = (a: T, b: T) => a.title.localeCompare(b.title)
  const orders: Record<CatalogueFilters["sort"], (a: T, b: T) => number> = {
    newest: (a, b) => b.created_at.localeCompare(a.created_at) || byTitle(a, b),
    "price-asc": (a, b) => (a.price ?? Infinity) - (b.price ?? Infinity) || byTitle(a, b),
    "price-desc": (a, b) => (b.price ?? -Infinity) - (a.price ?? -Infinity) || byTitle(a, b),
    "weight-desc": (a, b) => (b.net_weight_g ?? -Infinity) - (a.net_weight_g ?? -Infinity) || byTitle(a, b),
  }
  return [...kept].sort(orders[filters.sort])
}
