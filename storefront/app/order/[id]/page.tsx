import type { Metadata } from "next"
import { notFound, redirect } from "next/navigation"
import { formatRupees } from "../../../lib/format"
import { sessionToken, shopFetch } from "../../../lib/session"

export const dynamic = "force-dynamic"
export const metadata: Metadata = { title: "Thank you for your order", robots: { index: false } }

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
  return (
    <>
      <h1>Thank you! Order #{order.display_id} is placed</h1>
      <p className="price-now">{formatRupees(order.total)} paid</p>
      <ul>
        {order.items.map((item) => (
          <li key={item.id}>{item.product_title ?? item.title}</li>
        ))}
      </ul>
      {order.shipping_methods?.[0] && <p>{order.shipping_methods[0].name}</p>}
      <p>
        <a href={`/account/orders/${order.id}/invoice`}>Your tax invoice (PDF)</a> · <a href="/account">Your account</a>
      </p>
    </>
  )
}
