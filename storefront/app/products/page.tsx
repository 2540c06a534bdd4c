import type { Metadata } from "next"
import { ProductCard } from "../../components/product-card"
import { applyFilters, PRICE_BANDS, readFilters, SORTS, WEIGHT_BANDS } from "../../lib/catalogue"
import { formatPurity, metalLabel } from "../../lib/format"
import { catalogue } from "../../lib/products"
import { branches, categories } from "../../lib/shop"

export const dynamic = "force-dynamic"
export const metadata: Metadata = { title: "Jewellery", description: "Gold, diamond, silver and platinum jewellery, filtered by metal, purity, price and weight." }

export default async function Catalogue({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = readFilters(await searchParams)
  const shopBranches = await branches()
  const branch = shopBranches.find((b) => b.code === filters.branch)
  const [pieces, shopCategories] = await Promise.all([catalogue(branch?.sales_channel?.id), categories()])
  const shown = applyFilters(pieces, filters)
  const metals = [...new Set(pieces.map((p) => p.metal).filter((m): m is string => !!m))]
  const purities = [...new Set(pieces.filter((p) => !filters.metal || p.metal === filters.metal).map((p) => `${p.metal}:${p.purity}`))]
    .map((key) => key.split(":"))
    .filter(([metal, purity]) => metal !== "null" && purity !== "null")
  return (
    <>
      <h1>Jewellery</h1>
      <form method="get" className="filters" aria-label="Filter the jewellery">
        <label>
          Metal
          <select name="metal" defaultValue={filters.metal ?? ""}>
            <option value="">Any metal</option>
            {metals.map((m) => (
              <option key={m} value={m}>
                {metalLabel(m)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Purity
          <select name="purity" defaultValue={filters.purity ?? ""}>
            <option value="">Any purity</option>
            {purities.map(([metal, purity]) => (
              <option key={`${metal}-${purity}`} value={purity}>
                {formatPurity(metal, Number(purity))}
              </option>
            ))}
          </select>
        </label>
        <label>
          Category
          <select name="category" defaultValue={filters.category ?? ""}>
            <option value="">All categories</option>
            {shopCategories.map((c) => (
              <option key={c.id} value={c.handle}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Price
          <select name="price" defaultValue={filters.price ?? ""}>
            <option value="">Any price</option>
            {PRICE_BANDS.map((b) => (
              <option key={b.id} value={b.id}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Weight
          <select name="weight" defaultValue={filters.weight ?? ""}>
            <option value="">Any weight</option>
            {WEIGHT_BANDS.map((b) => (
              <option key={b.id} value={b.id}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by
          <select name="sort" defaultValue={filters.sort}>
            {SORTS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          In stock at
          <select name="branch" defaultValue={branch?.code ?? ""}>
            <option value="">Any branch, or to order</option>
            {shopBranches.map((b) => (
              <option key={b.id} value={b.code}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Show</button>
      </form>
      <p className="muted" role="status">
        {shown.length} {shown.length === 1 ? "piece" : "pieces"}
      </p>
      <ul className="grid">
        {shown.map((piece) => (
          <ProductCard key={piece.handle} piece={piece} />
        ))}
      </ul>
    </>
  )
}
