import type { Metadata } from "next"
import { readCart } from "../../../lib/cart"
import { formatRupees } from "../../../lib/format"
import { translator } from "../../../lib/i18n"
import { claimsOf, sessionToken, shopFetch } from "../../../lib/session"
import { shopName } from "../../../lib/shop"
import { payWithPaypal, removeFromBag } from "./actions"
import { DeliveryForm, OfferCodeForm, PayButton, PointsForm, type DeliveryOption } from "./bag-forms"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  const t = await translator("Bag")
  return { title: t("title"), robots: { index: false } }
}

/** Why the last step failed (an add-to-bag's redirect names it). */
function Problem({ text }: { text: string | string[] | undefined }) {
  return typeof text === "string" ? (
    <p role="alert" className="error">
      {text}
    </p>
  ) : null
}

type Me = { customer: { first_name: string | null; phone: string | null } }

export default async function BagPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { problem, paypal } = await searchParams
  const t = await translator("Bag")
  const cart = await readCart()
  const token = await sessionToken()
  const signedIn = !!token && !!claimsOf(token)?.actor_id
  if (!cart || !cart.items.length) {
    return (
      <>
        <h1>{t("title")}</h1>
        <Problem text={problem} />
        <p>{t.rich("empty", { link: (chunks) => <a href="/products">{chunks}</a> })}</p>
      </>
    )
  }
  const [me, loyalty, options, name, providers] = await Promise.all([
    signedIn ? shopFetch<Me>("/store/customers/me", { token }) : undefined,
    signedIn ? shopFetch<{ loyalty: { balance: number; can_redeem: boolean } }>("/store/customers/me/loyalty", { token }) : undefined,
    shopFetch<{ shipping_options: DeliveryOption[] }>(`/store/shipping-options?cart_id=${cart.id}`, { token }),
    shopName(),
    // Only read when the Pay section shows: signed in, with delivery chosen.
    signedIn && cart.shipping_methods?.length ? shopFetch<{ payment_providers: { id: string }[] }>(`/store/payment-providers?region_id=${cart.region_id}`, { token }) : undefined,
  ])
  const customer = me?.ok ? me.data.customer : undefined
  const points = loyalty?.ok ? loyalty.data.loyalty : undefined
  const delivery = cart.shipping_methods?.[0]
  return (
    <>
      <h1>{t("title")}</h1>
      <Problem text={problem} />
      {paypal === "cancelled" && <p className="notice">{t("paypalCancelled")}</p>}
      <table className="breakdown" aria-label={t("pieces")}>
        <tbody>
          {cart.items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                {item.product_handle ? <a href={`/products/${item.product_handle}`}>{item.product_title ?? item.title}</a> : item.title}
                <form action={removeFromBag} className="inline-form">
                  <input type="hidden" name="line_item_id" value={item.id} />
                  <button type="submit" className="link">
                    {t("remove")}
                  </button>
                </form>
              </th>
              <td>{formatRupees(item.total)}</td>
            </tr>
          ))}
          {cart.discount_total > 0 && (
            <tr>
              <th scope="row">{t("discounts")}</th>
              <td>-{formatRupees(cart.discount_total)}</td>
            </tr>
          )}
          {delivery && (
            <tr>
              <th scope="row">{delivery.name}</th>
              <td>{formatRupees(cart.shipping_total)}</td>
            </tr>
          )}
          <tr>
            <th scope="row">GST</th>
            <td>{formatRupees(cart.tax_total)}</td>
          </tr>
          <tr className="total">
            <th scope="row">{t("toPay")}</th>
            <td>{formatRupees(cart.total)}</td>
          </tr>
        </tbody>
      </table>
      <h2>{t("offers")}</h2>
      {(cart.promotions ?? []).filter((p) => p.code).length > 0 && (
        <p>{t("applied", { codes: (cart.promotions ?? []).map((p) => p.code).filter(Boolean).join(", ") })}</p>
      )}
      <OfferCodeForm />
      {signedIn && points && points.balance > 0 && (
        <>
          <h2>{t("points")}</h2>
          <PointsForm balance={points.balance} />
        </>
      )}
      {!signedIn ? (
        <p className="notice">{t.rich("signInFirst", { link: (chunks) => <a href="/sign-in">{chunks}</a> })}</p>
      ) : (
        <>
          <h2>{t("delivery")}</h2>
          {delivery && cart.shipping_address?.address_1 ? (
            <p>
              {delivery.name} · {cart.shipping_address.first_name}, {cart.shipping_address.address_1}, {cart.shipping_address.city} {cart.shipping_address.postal_code}
            </p>
          ) : null}
          <DeliveryForm options={options.ok ? options.data.shipping_options : []} phone={customer?.phone ?? ""} firstName={customer?.first_name ?? ""} />
          {delivery && (
            <>
              <h2>{t("pay")}</h2>
              <PayButton checkoutScript={process.env.RAZORPAY_CHECKOUT_SCRIPT || "https://checkout.razorpay.com/v1/checkout.js"} shopName={name} total={formatRupees(cart.total)} />
              {providers?.ok && providers.data.payment_providers.some((p) => p.id === "pp_paypal_paypal") && (
                <form action={payWithPaypal} className="save-piece">
                  <button type="submit" className="secondary">
                    {t("payWithPaypal", { total: formatRupees(cart.total) })}
                  </button>
                  <p className="muted">{t("paypalNote")}</p>
                </form>
              )}
            </>
          )}
        </>
      )}
    </>
  )
}
