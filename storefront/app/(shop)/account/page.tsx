import type { Metadata } from "next"
import { redirect } from "next/navigation"
import type { ReactNode } from "react"
import { formatRupees } from "../../../lib/format"
import { currentLocale, translator } from "../../../lib/i18n"
import { formatDay } from "../../../lib/language"
import { customerTokenOrSignIn, shopFetch } from "../../../lib/session"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  const t = await translator("Account")
  return { title: t("title"), robots: { index: false } }
}

type Me = { customer: { id: string; first_name: string | null; last_name: string | null; phone: string | null; email: string | null } }
type Loyalty = {
  loyalty: {
    balance: number
    balance_value: number
    tier: string
    next_tier: { name: string; min_spend: number } | null
    history: { id: string; type: string; points: number; reason: string | null; created_at: string }[]
    expiring_soon: { points: number; expires_at: string }[]
  }
}
type Offers = { offers: { id: string; code: string; description: string; valid_until: string | null; campaign: string }[] }
type Orders = { orders: { id: string; display_id: number; status: string; created_at: string; total: number; payment_status?: string; fulfillment_status?: string }[] }

// Numbers keep Indian grouping (1,23,456) in both languages; ICU's own would follow "en" (123,456), so they are passed as text.
const grouped = (n: number) => n.toLocaleString("en-IN")
const strong = (chunks: ReactNode) => <strong>{chunks}</strong>
const code = (chunks: ReactNode) => <code>{chunks}</code>

export default async function AccountPage() {
  const token = await customerTokenOrSignIn()
  const [me, loyalty, offers, orders] = await Promise.all([
    shopFetch<Me>("/store/customers/me", { token }),
    shopFetch<Loyalty>("/store/customers/me/loyalty", { token }),
    shopFetch<Offers>("/store/customers/me/offers", { token }),
    shopFetch<Orders>("/store/orders?fields=id,display_id,status,created_at,total,payment_status,fulfillment_status&order=-created_at&limit=20", { token }),
  ])
  if (!me.ok) {
    // An expired or withdrawn sign-in: start again (the route clears the cookie).
    redirect("/sign-out?expired=1")
  }
  const customer = me.data.customer
  const points = loyalty.ok ? loyalty.data.loyalty : undefined
  const [t, locale, profile, wishlist, schemes] = await Promise.all([translator("Account"), currentLocale(), translator("Profile"), translator("Wishlist"), translator("Schemes")])
  const day = (iso: string) => formatDay(iso, locale)
  return (
    <>
      <h1>{customer.first_name ? t("greetingName", { name: customer.first_name }) : t("greeting")}</h1>
      <p className="muted">{[customer.phone, customer.email].filter(Boolean).join(" · ")}</p>
      <ul className="chips" aria-label={t("more")}>
        <li>
          <a href="/account/profile">{profile("link")}</a>
        </li>
        <li>
          <a href="/account/wishlist">{wishlist("link")}</a>
        </li>
        <li>
          <a href="/account/schemes">{schemes("link")}</a>
        </li>
      </ul>
      <section aria-labelledby="points">
        <h2 id="points">{t("points.heading")}</h2>
        {points ? (
          <>
            <p className="price-now">
              {t.rich("points.balance", {
                count: points.balance,
                points: grouped(points.balance),
                value: formatRupees(points.balance_value),
                muted: (chunks) => <span className="muted">{chunks}</span>,
              })}
            </p>
            <p>
              {t.rich("points.tier", { tier: points.tier, strong })}
              {points.next_tier ? ` · ${t("points.nextTier", { tier: points.next_tier.name, amount: formatRupees(points.next_tier.min_spend) })}` : ""}
            </p>
            {points.expiring_soon.length > 0 && (
              <p className="notice">
                {points.expiring_soon.map((e) => t("points.expiring", { count: e.points, points: grouped(e.points), date: day(e.expires_at) })).join("; ")}
              </p>
            )}
            {points.history.length > 0 && (
              <table className="breakdown" aria-label={t("points.history")}>
                <tbody>
                  {points.history.slice(0, 10).map((e) => (
                    <tr key={e.id}>
                      <th scope="row">
                        {day(e.created_at)} · {e.reason ?? e.type}
                      </th>
                      <td>{e.points > 0 ? `+${grouped(e.points)}` : grouped(e.points)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        ) : (
          <p className="muted">{t("points.unreadable")}</p>
        )}
      </section>
      <section aria-labelledby="offers">
        <h2 id="offers">{t("offers.heading")}</h2>
        {offers.ok && offers.data.offers.length ? (
          <ul className="offers">
            {offers.data.offers.map((o) => (
              <li key={o.id}>
                {o.valid_until
                  ? t.rich("offers.offerUntil", { description: o.description, offerCode: o.code, date: day(o.valid_until), strong, code })
                  : t.rich("offers.offer", { description: o.description, offerCode: o.code, strong, code })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("offers.none")}</p>
        )}
      </section>
      <section aria-labelledby="orders">
        <h2 id="orders">{t("orders.heading")}</h2>
        {orders.ok && orders.data.orders.length ? (
          <table className="breakdown" aria-label={t("orders.label")}>
            <tbody>
              {orders.data.orders.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    #{o.display_id} · {day(o.created_at)} · {t("orders.status", { status: o.status })}
                  </th>
                  <td>
                    {formatRupees(o.total)} · <a href={`/account/orders/${o.id}/invoice`}>{t("orders.invoice")}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t("orders.none")}</p>
        )}
      </section>
      <form method="post" action="/sign-out">
        <button type="submit" className="secondary">
          {t("signOut")}
        </button>
      </form>
    </>
  )
}
