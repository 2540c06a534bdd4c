import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { formatRupees } from "../../lib/format"
import { claimsOf, sessionToken, shopFetch } from "../../lib/session"

export const dynamic = "force-dynamic"
export const metadata: Metadata = { title: "Your account", robots: { index: false } }

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

const day = (iso: string) => new Date(iso).toLocaleDateString("en-IN", { timeZone: "Asia/Kolkata", day: "numeric", month: "short", year: "numeric" })

export default async function AccountPage() {
  const token = await sessionToken()
  if (!token || !claimsOf(token)?.actor_id) {
    redirect("/sign-in")
  }
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
  return (
    <>
      <h1>Namaste{customer.first_name ? `, ${customer.first_name}` : ""}</h1>
      <p className="muted">{[customer.phone, customer.email].filter(Boolean).join(" · ")}</p>
      <section aria-labelledby="points">
        <h2 id="points">Your points</h2>
        {points ? (
          <>
            <p className="price-now">
              {points.balance.toLocaleString("en-IN")} points <span className="muted">worth {formatRupees(points.balance_value)}</span>
            </p>
            <p>
              Tier: <strong>{points.tier}</strong>
              {points.next_tier ? ` · ${points.next_tier.name} from ${formatRupees(points.next_tier.min_spend)} a year` : ""}
            </p>
            {points.expiring_soon.length > 0 && (
              <p className="notice">
                {points.expiring_soon.map((e) => `${e.points.toLocaleString("en-IN")} points expire on ${day(e.expires_at)}`).join("; ")}
              </p>
            )}
            {points.history.length > 0 && (
              <table className="breakdown" aria-label="Points history">
                <tbody>
                  {points.history.slice(0, 10).map((e) => (
                    <tr key={e.id}>
                      <th scope="row">
                        {day(e.created_at)} · {e.reason ?? e.type}
                      </th>
                      <td>{e.points > 0 ? `+${e.points.toLocaleString("en-IN")}` : e.points.toLocaleString("en-IN")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        ) : (
          <p className="muted">Your points could not be read just now.</p>
        )}
      </section>
      <section aria-labelledby="offers">
        <h2 id="offers">Your offers</h2>
        {offers.ok && offers.data.offers.length ? (
          <ul className="offers">
            {offers.data.offers.map((o) => (
              <li key={o.id}>
                <strong>{o.description}</strong> with code <code>{o.code}</code>
                {o.valid_until ? `, till ${day(o.valid_until)}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No offers just now.</p>
        )}
      </section>
      <section aria-labelledby="orders">
        <h2 id="orders">Your orders</h2>
        {orders.ok && orders.data.orders.length ? (
          <table className="breakdown" aria-label="Orders">
            <tbody>
              {orders.data.orders.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    #{o.display_id} · {day(o.created_at)} · {o.status}
                  </th>
                  <td>
                    {formatRupees(o.total)} · <a href={`/account/orders/${o.id}/invoice`}>Invoice (PDF)</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No orders yet.</p>
        )}
      </section>
      <form method="post" action="/sign-out">
        <button type="submit" className="secondary">
          Sign out
        </button>
      </form>
    </>
  )
}
