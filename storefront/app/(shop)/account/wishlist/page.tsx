import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { formatRupees } from "../../../../lib/format"
import { currentLocale, translator } from "../../../../lib/i18n"
import { formatDay } from "../../../../lib/language"
import { customerTokenOrSignIn, shopFetch } from "../../../../lib/session"
import { removeFromWishlist } from "./actions"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await translator("Wishlist"))("title"), robots: { index: false } }
}

type Saved = {
  id: string
  variant_id: string
  created_at: string
  variant: {
    title: string | null
    sku: string | null
    product: { title: string; handle: string; thumbnail: string | null } | null
    jewelry_attributes: { breakdown: { invoice_total: number } | null } | null
  } | null
}

export default async function WishlistPage() {
  const token = await customerTokenOrSignIn()
  const [answer, t, locale, profile] = await Promise.all([
    shopFetch<{ wishlist: Saved[]; count: number }>("/store/customers/me/wishlist?limit=100", { token }),
    translator("Wishlist"),
    currentLocale(),
    translator("Profile"),
  ])
  if (!answer.ok) {
    redirect("/sign-out?expired=1")
  }
  const { wishlist, count } = answer.data
  return (
    <>
      <h1>{t("title")}</h1>
      {wishlist.length === 0 ? (
        <p>
          {t("empty")} <a href="/products">{t("browse")}</a>
        </p>
      ) : (
        <>
          <p className="muted">{t("count", { count })}</p>
          <ul className="saved">
            {wishlist.map((item) => {
              const product = item.variant?.product
              const paise = item.variant?.jewelry_attributes?.breakdown?.invoice_total
              return (
                <li key={item.id}>
                  {product?.thumbnail ? <img src={product.thumbnail} alt="" width={80} height={80} loading="lazy" /> : <span className="noimg" aria-hidden="true" />}
                  <div>
                    {product ? (
                      <a href={`/products/${product.handle}?piece=${encodeURIComponent(item.variant_id)}`}>
                        <strong>{product.title}</strong>
                      </a>
                    ) : (
                      <strong>{t("gone")}</strong>
                    )}
                    <br />
                    {typeof paise === "number" && <span className="price">{formatRupees(paise / 100)} · </span>}
                    <span className="muted">{t("savedOn", { date: formatDay(item.created_at, locale) })}</span>
                    <form action={removeFromWishlist} className="inline-form">
                      <input type="hidden" name="variant_id" value={item.variant_id} />
                      <button type="submit" className="link" aria-label={`${t("remove")}: ${product?.title ?? item.variant_id}`}>
                        {t("remove")}
                      </button>
                    </form>
                  </div>
                </li>
              )
            })}
          </ul>
        </>
      )}
      <p>
        <a href="/account">{profile("back")}</a>
      </p>
    </>
  )
}
