import type { Metadata } from "next"
import { headers } from "next/headers"
import type { PriceBreakdownView } from "../../../../../src/types/http/catalogue"
import { notFound } from "next/navigation"
import { formatGrams, formatPurity, formatRupees, metalLabel } from "../../../../lib/format"
import { currentLocale, metalNames as metalNamesFor, translator } from "../../../../lib/i18n"
import { dateLocale, indiaToday, TIME_ZONE } from "../../../../lib/language"
import { storeApi } from "../../../../lib/medusa"
import { pieceLabel, pieceTotal, productByHandle, type StoreVariant } from "../../../../lib/products"
import { branches, shopName } from "../../../../lib/shop"
import { addToBag } from "../../cart/actions"
import { claimsOf, sessionToken } from "../../../../lib/session"
import { SaveToWishlist } from "../../account/wishlist/save-button"
import { BookVisit } from "./book-visit"
import { jsonLd, productStructuredData } from "../../../../lib/structured-data"

export const dynamic = "force-dynamic"

type Params = { params: Promise<{ handle: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

/** The Store API's answer for a piece's breakdown (GET /store/jewelry/variants/:id/price-breakdown). */
type BreakdownView = {
  variant_id: string
  huid: string | null
  gross_weight_g: number
  stone_weight_g: number
  pricing_mode: string
  breakdown: PriceBreakdownView
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const [product, t, metalNames] = await Promise.all([params.then(({ handle }) => productByHandle(handle)), translator("Product"), metalNamesFor()])
  if (!product) {
    return { title: t("notFound") }
  }
  const a = product.variants?.[0]?.jewelry_attributes
  const facts = a ? `${t("facts", { purity: formatPurity(a.metal, a.purity, metalNames), weight: formatGrams(a.net_weight_mg / 1000) })} ` : ""
  return { title: product.title, description: `${facts}${product.description ?? t("fallbackDescription", { title: product.title })}`.slice(0, 300) }
}

/**
 * The piece shown: the one asked for, else the lowest-priced piece the branch asked for has (the catalogue's
 * "in stock at"), else the lowest-priced piece some branch has, else the lowest-priced piece (made to order).
 */
function chosenPiece(variants: StoreVariant[], asked: string | undefined, stockedAt: ((variant: StoreVariant) => boolean)[]): StoreVariant | undefined {
  const byPrice = [...variants].sort((a, b) => (pieceTotal(a) ?? Infinity) - (pieceTotal(b) ?? Infinity))
  const asPreferred = stockedAt.map((has) => byPrice.find(has)).find(Boolean)
  return variants.find((v) => v.id === asked) ?? asPreferred ?? byPrice[0]
}

export default async function ProductPage({ params, searchParams }: Params) {
  const { handle } = await params
  const query = await searchParams
  // The branches do not depend on the product: read beside it, not after it.
  const [product, shopBranches] = await Promise.all([productByHandle(handle), branches()])
  if (!product) {
    notFound()
  }
  const variants = product.variants ?? []
  // Stock is counted per branch's sales channel: one read for each branch, with every piece of the design.
  const stockAt = await Promise.all(
    shopBranches.map(async (branch) => {
      const there = branch.sales_channel ? await productByHandle(handle, branch.sales_channel.id).catch(() => undefined) : undefined
      return { branch, has: new Set((there?.variants ?? []).filter((v) => (v.inventory_quantity ?? 0) > 0).map((v) => v.id)) }
    })
  )
  const askedBranch = stockAt.find((s) => s.branch.code === query.branch)
  const piece = chosenPiece(variants, typeof query.piece === "string" ? query.piece : undefined, [
    (v) => !!askedBranch?.has.has(v.id),
    (v) => stockAt.some((s) => s.has.has(v.id)),
  ])
  const attributes = piece?.jewelry_attributes
  const view = piece
    ? await storeApi()
        .client.fetch<BreakdownView>(`/store/jewelry/variants/${piece.id}/price-breakdown`)
        .catch(() => undefined)
    : undefined
  const b = view?.breakdown
  const image = product.thumbnail ?? product.images?.[0]?.url
  // The branch asked for first: the bag is made at the branch whose piece it is.
  const stocked = piece ? stockAt.filter((s) => s.has.has(piece.id)).sort((a, b) => Number(b === askedBranch) - Number(a === askedBranch)).map((s) => s.branch) : []
  const inStock = stocked.length > 0
  const token = await sessionToken()
  const signedIn = !!token && !!claimsOf(token)?.actor_id
  const [name, locale, t, metalNames] = await Promise.all([shopName(), currentLocale(), translator("Product"), metalNamesFor()])
  const requestHeaders = await headers()
  const origin = `${requestHeaders.get("x-forwarded-proto")?.split(",")[0] ?? "http"}://${requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host")}`
  const structured = productStructuredData({
    name: product.title,
    description: product.description,
    url: `${origin}/products/${product.handle}`,
    images: (product.images ?? []).map((i) => i.url),
    sku: piece ? pieceLabel(piece) : null,
    material: attributes ? `${metalLabel(attributes.metal)} ${attributes.purity}` : null,
    weight_g: attributes ? attributes.gross_weight_mg / 1000 : null,
    price: b ? b.invoice_total : null,
    in_stock: inStock,
    shop: name,
  })
  const row = (label: string, amount: number) =>
    amount ? (
      <tr key={label}>
        <th scope="row">{label}</th>
        <td>{formatRupees(amount)}</td>
      </tr>
    ) : null
  return (
    <article className="product">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd(structured) }} />
      <div>{image ? <img src={image} alt={product.title} width={600} height={600} /> : <span className="noimg" role="img" aria-label={t("noPhoto")} />}</div>
      <div>
        <h1>{product.title}</h1>
        {b && <p className="price-now">{formatRupees(b.invoice_total)}</p>}
        <p className="muted">
          {inStock ? t("inStockAt", { branches: stocked.map((b) => b.name).join(", ") }) : t("madeToOrder")}
          {attributes?.huid ? (
            <>
              {" · "}
              <span className="badge">{t("hallmarked")}</span>
            </>
          ) : null}
        </p>
        {piece && stocked[0]?.sales_channel ? (
          <form action={addToBag}>
            <input type="hidden" name="variant_id" value={piece.id} />
            <input type="hidden" name="sales_channel_id" value={stocked[0].sales_channel.id} />
            <button type="submit">{t("addToBag")}</button>
          </form>
        ) : null}
        {piece && <SaveToWishlist variantId={piece.id} />}
        {variants.length > 1 && (
          <form method="get" className="filters" aria-label={t("choosePiece")}>
            <label>
              {t("piece")}
              <select name="piece" defaultValue={piece?.id}>
                {variants.map((v) => (
                  <option key={v.id} value={v.id}>
                    {pieceLabel(v)}
                    {v.jewelry_attributes ? ` – ${formatGrams(v.jewelry_attributes.net_weight_mg / 1000)}` : ""}
                    {pieceTotal(v) !== null ? ` – ${formatRupees(pieceTotal(v)!)}` : ""}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit">{t("show")}</button>
          </form>
        )}
        {attributes && (
          <dl className="facts">
            <dt>{t("purity")}</dt>
            <dd>{formatPurity(attributes.metal, attributes.purity, metalNames)}</dd>
            <dt>{t("grossWeight")}</dt>
            <dd>{formatGrams(attributes.gross_weight_mg / 1000)}</dd>
            <dt>{t("netWeight")}</dt>
            <dd>{formatGrams(attributes.net_weight_mg / 1000)}</dd>
            {attributes.stone_weight_mg > 0 && (
              <>
                <dt>{t("stones")}</dt>
                <dd>
                  {(attributes.stones ?? []).map((s) => `${s.count ?? ""} ${s.type}${s.carats ? ` (${s.carats} ct)` : ""}`.trim()).join(", ") ||
                    formatGrams(attributes.stone_weight_mg / 1000)}
                </dd>
              </>
            )}
            {attributes.huid && (
              <>
                <dt>HUID</dt>
                <dd>{attributes.huid}</dd>
              </>
            )}
            {attributes.size && (
              <>
                <dt>{t("size")}</dt>
                <dd>{attributes.size}</dd>
              </>
            )}
          </dl>
        )}
        {b && (
          <section aria-labelledby="breakdown">
            <h2 id="breakdown">{t("breakdown.title")}</h2>
            <table className="breakdown">
              <tbody>
                <tr>
                  <th scope="row">
                    {t("breakdown.metal", { metal: metalLabel(b.metal, metalNames), weight: formatGrams(b.net_weight_g), rate: formatRupees(b.rate_per_g) })}
                  </th>
                  <td>{formatRupees(b.metal_value)}</td>
                </tr>
                {row(t("breakdown.wastage"), b.wastage)}
                {row(t("breakdown.making"), b.making_charge)}
                {row(t("breakdown.stones"), b.stone_value)}
                {row(t("breakdown.other"), b.other_charges)}
                {b.discount ? row(t("breakdown.discount"), -b.discount) : null}
                {row(t("breakdown.beforeGst"), b.taxable_value)}
                {b.gst.igst ? row(`IGST ${b.gst.rate_percent}%`, b.gst.igst) : null}
                {b.gst.cgst ? row(`CGST ${b.gst.rate_percent / 2}%`, b.gst.cgst) : null}
                {b.gst.sgst ? row(`SGST ${b.gst.rate_percent / 2}%`, b.gst.sgst) : null}
                {row(t("breakdown.roundOff"), b.round_off)}
                <tr className="total">
                  <th scope="row">{t("breakdown.total")}</th>
                  <td>{formatRupees(b.invoice_total)}</td>
                </tr>
              </tbody>
            </table>
            <p className="muted">
              {/* The metal's id, not its name: each language words it in the sentence (Hindi "सोने के भाव"). */}
              {view?.pricing_mode !== "rate_based"
                ? t("breakdown.fixed")
                : b.priced_at
                  ? t("breakdown.rateBasedAt", {
                      metal: b.metal.toLowerCase(),
                      pricedAt: new Date(b.priced_at).toLocaleString(dateLocale(locale), { timeZone: TIME_ZONE, dateStyle: "medium", timeStyle: "short" }),
                    })
                  : t("breakdown.rateBased", { metal: b.metal.toLowerCase() })}
            </p>
          </section>
        )}
        {product.description && <p>{product.description}</p>}
        {piece &&
          (signedIn ? (
            <BookVisit
              variantId={piece.id}
              branches={shopBranches.map((b) => ({ id: b.id, name: b.name, hasIt: stocked.some((s) => s.id === b.id) }))}
              today={indiaToday()}
            />
          ) : (
            <p className="notice">{t.rich("signInToBook", { signIn: (chunks) => <a href="/sign-in">{chunks}</a> })}</p>
          ))}
      </div>
    </article>
  )
}
