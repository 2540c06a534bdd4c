import { Choice } from "../../components/choice"
import { ProductCard } from "../../components/product-card"
import { banners as bannersShown } from "../../lib/cms"
import { picture } from "../../lib/content"
import { formatPurity, formatRupees } from "../../lib/format"
import { metalNames as metalNamesFor, translator } from "../../lib/i18n"
import { newestPieces } from "../../lib/products"
import { branches, categories, shopName, todaysRates } from "../../lib/shop"

// Rates and prices change during the day: every visit reads them afresh.
export const dynamic = "force-dynamic"

export default async function Home({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams
  const shopBranches = await branches()
  const branch = shopBranches.find((b) => b.code === params.branch)
  const [name, rates, shopCategories, newest, t, metalNames, banners] = await Promise.all([
    shopName(),
    todaysRates(branch?.id),
    categories(),
    newestPieces(8),
    translator("Home"),
    metalNamesFor(),
    bannersShown(),
  ])
  return (
    <>
      <h1>{name}</h1>
      {banners.length > 0 && (
        <section aria-label={t("banners")} className="banners">
          {banners.map((banner, index) => {
            const image = picture(banner.image, "wide")
            return (
              <article key={banner.id} className="banner">
                {/* The first banner is the page's largest picture: fetched at once, the others when near. */}
                {image && <img src={image.src} alt={image.alt} width={1600} height={600} loading={index === 0 ? "eager" : "lazy"} />}
                <div>
                  <h2>{banner.title}</h2>
                  {banner.text && <p>{banner.text}</p>}
                  {/* Without a label the link reads as the banner's title: "See more" says nothing to a screen reader or a search engine. */}
                  {banner.link && <a href={banner.link}>{banner.linkLabel || banner.title}</a>}
                </div>
              </article>
            )
          })}
        </section>
      )}
      <section aria-labelledby="rates">
        <h2 id="rates">{branch ? t("ratesAt", { branch: branch.name }) : t("rates")}</h2>
        {shopBranches.length > 1 && (
          <form method="get" className="filters" aria-label={t("branch")}>
            <Choice label={t("branch")} name="branch" value={branch?.code} options={[{ value: "", label: t("allBranches") }, ...shopBranches.map((b) => ({ value: b.code, label: b.name }))]} />
            <button type="submit">{t("showRates")}</button>
          </form>
        )}
        <ul className="rates">
          {rates.map((rate) => (
            <li key={`${rate.metal}-${rate.purity}`}>
              <span className="metal">{formatPurity(rate.metal, rate.purity, metalNames)}</span>
              <span className="value">{formatRupees(rate.rate_per_g)}</span>
              <span className="muted"> {t("perGram")}</span>
            </li>
          ))}
        </ul>
        <p className="muted">{t("ratesNote")}</p>
      </section>
      <section aria-labelledby="categories">
        <h2 id="categories">{t("categories")}</h2>
        <ul className="chips">
          {shopCategories.map((c) => (
            <li key={c.id}>
              <a href={`/products?category=${c.handle}`}>{c.name}</a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="new">
        <h2 id="new">{t("new")}</h2>
        <ul className="grid">
          {newest.map((piece) => (
            <ProductCard key={piece.handle} piece={piece} metalNames={metalNames} />
          ))}
        </ul>
        <p>
          <a href="/products">{t("seeAll")}</a>
        </p>
      </section>
    </>
  )
}
