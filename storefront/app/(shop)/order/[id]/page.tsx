import type { Metadata } from "next"
import { notFound, redirect } from "next/navigation"
import { formatRupees } from "../../../../lib/format"
import { translator } from "../../../../lib/i18n"
import { sessionToken, shopFetch } from "../../../../lib/session"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  const t = await translator("Order")
  return { title: t("title"), robots: { index: false } }
}

type Order = { order: { id: string; display_id: number; total: number; items: { id: string; title: string; product_title: string | null }[]; shipping_methods?: { name: string }[] } }

export default async function OrderPlaced({ params }: { params: Promise<{ id: string }> }) {
  const token = await sessionToken()
  if (!token) {
    redirect("/sign-in")
  }
  const { id } = await params
  const answer = await shopFetch<Order>(`/store/orders/${encodeURIComponent(id)}?fields=id,display_id,total,*items,*shipping_methods`, { token })
  if (!answer.ok) {
    notFound()
  }
  const order = answer.data.order
  const t = await translator("Order")
  return (
    <>
      {/* The order's number as a string: as a number ICU would group its digits. */}
      <h1>{t("heading", { number: String(order.display_id) })}</h1>
      <p className="price-now">{t("paid", { amount: formatRupees(order.total) })}</p>
      <ul>
        {order.items.map((item) => (
          <li key={item.id}>{item.product_title ?? item.title}</li>
        ))}
      </ul>
      {order.shipping_methods?.[0] && <p>{order.shipping_methods[0].name}</p>}
      <p>
        <a href={`/account/orders/${order.id}/invoice`}>{t("invoice")}</a> · <a href="/account">{t("account")}</a>
      </p>
    </>
  )
}
