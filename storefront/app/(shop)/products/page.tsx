import type { Metadata } from "next"
import { Choice } from "../../../components/choice"
import { ProductCard } from "../../../components/product-card"
import { applyFilters, PRICE_BANDS, readFilters, SORTS, WEIGHT_BANDS } from "../../../lib/catalogue"
import { formatPurity, metalLabel } from "../../../lib/format"
import { metalNames as metalNamesFor, translator } from "../../../lib/i18n"
import { catalogue } from "../../../lib/products"
import { branches, categories } from "../../../lib/shop"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  const t = await translator("Catalogue")
  return { title: t("title"), description: t("description") }
}

export default async function Catalogue({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = readFilters(await searchParams)
  const shopBranches = await branches()
  const branch = shopBranches.find((b) => b.code === filters.branch)
  const [pieces, shopCategories, t, metalNames] = await Promise.all([catalogue(branch?.sales_channel?.id), categories(), translator("Catalogue"), metalNamesFor()])
  const shown = applyFilters(pieces, filters)
  const metals = [...new Set(pieces.map((p) => p.metal).filter((m): m is string => !!m))]
  const purities = [...new Set(pieces.filter((p) => !filters.metal || p.metal === filters.metal).map((p) => `${p.metal}:${p.purity}`))]
    .map((key) => key.split(":"))
    .filter(([metal, purity]) => metal !== "null" && purity !== "null")
  return (
    <>
      <h1>{t("title")}</h1>
      <form method="get" className="filters" aria-label={t("filters")}>
        <Choice label={t("metal")} name="metal" value={filters.metal} options={[{ value: "", label: t("anyMetal") }, ...metals.map((m) => ({ value: m, label: metalLabel(m, metalNames) }))]} />
        <Choice
          label={t("purity")}
          name="purity"
          value={filters.purity}
          options={[{ value: "", label: t("anyPurity") }, ...purities.map(([metal, purity]) => ({ value: purity, label: formatPurity(metal, Number(purity), metalNames) }))]}
        />
        <Choice label={t("category")} name="category" value={filters.category} options={[{ value: "", label: t("allCategories") }, ...shopCategories.map((c) => ({ value: c.handle, label: c.name }))]} />
        <Choice label={t("price")} name="price" value={filters.price} options={[{ value: "", label: t("anyPrice") }, ...PRICE_BANDS.map((b) => ({ value: b.id, label: t(`priceBands.${b.id}`) }))]} />
        <Choice label={t("weight")} name="weight" value={filters.weight} options={[{ value: "", label: t("anyWeight") }, ...WEIGHT_BANDS.map((b) => ({ value: b.id, label: t(`weightBands.${b.id}`) }))]} />
        <Choice label={t("sortBy")} name="sort" value={filters.sort} options={SORTS.map((o) => ({ value: o.id, label: t(`sorts.${o.id}`) }))} />
        <Choice label={t("branch")} name="branch" value={branch?.code} options={[{ value: "", label: t("anyBranch") }, ...shopBranches.map((b) => ({ value: b.code, label: b.name }))]} />
        <button type="submit">{t("show")}</button>
      </form>
      <p className="muted" role="status">
        {t("count", { count: shown.length })}
      </p>
      <ul className="grid">
        {shown.map((piece) => (
          <ProductCard key={piece.handle} piece={piece} metalNames={metalNames} branch={branch?.code} />
        ))}
      </ul>
    </>
  )
}
