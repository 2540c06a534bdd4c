import type { Metadata } from "next"
import { Choice } from "../../components/choice"
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
        <Choice label="Metal" name="metal" value={filters.metal} options={[{ value: "", label: "Any metal" }, ...metals.map((m) => ({ value: m, label: metalLabel(m) }))]} />
        <Choice
          label="Purity"
          name="purity"
          value={filters.purity}
          options={[{ value: "", label: "Any purity" }, ...purities.map(([metal, purity]) => ({ value: purity, label: formatPurity(metal, Number(purity)) }))]}
        />
        <Choice label="Category" name="category" value={filters.category} options={[{ value: "", label: "All categories" }, ...shopCategories.map((c) => ({ value: c.handle, label: c.name }))]} />
        <Choice label="Price" name="price" value={filters.price} options={[{ value: "", label: "Any price" }, ...PRICE_BANDS.map((b) => ({ value: b.id, label: b.label }))]} />
        <Choice label="Weight" name="weight" value={filters.weight} options={[{ value: "", label: "Any weight" }, ...WEIGHT_BANDS.map((b) => ({ value: b.id, label: b.label }))]} />
        <Choice label="Sort by" name="sort" value={filters.sort} options={SORTS.map((o) => ({ value: o.id, label: o.label }))} />
        <Choice label="In stock at" name="branch" value={branch?.code} options={[{ value: "", label: "Any branch, or to order" }, ...shopBranches.map((b) => ({ value: b.code, label: b.name }))]} />
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
