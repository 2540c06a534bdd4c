"use server"

import { redirect } from "next/navigation"
import type { FormAnswer } from "../../../components/answer"
import { cartCall, cartId, forgetCart, readCart, rememberCart, type Cart } from "../../../lib/cart"
import { translator } from "../../../lib/i18n"
import { claimsOf, sessionToken } from "../../../lib/session"


const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()
const done = (message: string): FormAnswer => ({ message, error: false })
const refused = (message: string): FormAnswer => ({ message, error: true })

/**
 * Puts a piece in the bag, making the bag in the sales channel of the
 * branch that has the piece (a piece is one article, at one branch).
 */
export async function addToBag(form: FormData): Promise<void> {
  const variantId = text(form, "variant_id")
  const salesChannelId = text(form, "sales_channel_id")
  let id = await cartId()
  const current = id ? await readCart() : undefined
  if (!current) {
    const { regions } = ((await cartCall<{ regions: { id: string }[] }>("/store/regions", "GET")) as { ok: true; data: { regions: { id: string }[] } }).data
    const made = await cartCall<{ cart: Cart }>("/store/carts", "POST", { region_id: regions[0].id, ...(salesChannelId ? { sales_channel_id: salesChannelId } : {}) })
    if (!made.ok) {
      redirect(`/cart?problem=${encodeURIComponent(made.message)}`)
    }
    id = made.data.cart.id
    await rememberCart(id)
  } else if (salesChannelId && current.sales_channel_id !== salesChannelId && current.items.length) {
    const t = await translator("Bag")
    redirect(`/cart?problem=${encodeURIComponent(t("answers.otherBranch"))}`)
  }
  const added = await cartCall(`/store/carts/${id}/line-items`, "POST", { variant_id: variantId, quantity: 1 })
  redirect(added.ok ? "/cart" : `/cart?problem=${encodeURIComponent(added.message)}`)
}

export async function removeFromBag(form: FormData): Promise<void> {
  const id = await cartId()
  if (id) {
    await cartCall(`/store/carts/${id}/line-items/${encodeURIComponent(text(form, "line_item_id"))}`, "DELETE")
  }
  redirect("/cart")
}

/** Offer codes, points, delivery and the address: each form of the bag, answered in place. */
export async function updateBag(_previous: FormAnswer, form: FormData): Promise<FormAnswer> {
  const id = await cartId()
  const cart = id ? await readCart() : undefined
  const t = await translator("Bag")
  if (!id || !cart) {
    return refused(t("answers.empty"))
  }
  const intent = text(form, "intent")
  const token = await sessionToken()
  if (token && claimsOf(token)?.actor_id && !cart.customer_id) {
    // Signed in after the bag was made: the bag becomes theirs (their offers and points apply to it).
    await cartCall(`/store/carts/${id}/customer`, "POST")
  }
  if (intent === "code") {
    const answer = await cartCall(`/store/carts/${id}/promotions`, "POST", { promo_codes: [text(form, "code").toUpperCase()] })
    if (!answer.ok) {
      return refused(answer.message)
    }
    const applied = await readCart()
    return (applied?.promotions ?? []).some((p) => p.code?.toUpperCase() === text(form, "code").toUpperCase())
      ? done(t("answers.offerApplied"))
      : refused(t("answers.codeNotForBag"))
  }
  if (intent === "points") {
    const answer = await cartCall(`/store/carts/${id}/loyalty/redeem`, "POST", { points: Number(text(form, "points")) })
    return answer.ok ? done(t("answers.pointsApplied")) : refused(answer.message)
  }
  if (intent === "delivery") {
    const phone = text(form, "phone")
    const address = {
      first_name: text(form, "first_name"),
      last_name: text(form, "last_name") || undefined,
      address_1: text(form, "address_1"),
      city: text(form, "city"),
      postal_code: text(form, "postal_code"),
      country_code: "in",
      phone,
    }
    const email = text(form, "email")
    const saved = await cartCall(`/store/carts/${id}`, "POST", {
      shipping_address: address,
      billing_address: address,
      ...(email ? { email } : {}),
    })
    if (!saved.ok) {
      return refused(saved.message)
    }
    const method = await cartCall(`/store/carts/${id}/shipping-methods`, "POST", { option_id: text(form, "option_id") })
    return method.ok ? done(t("answers.deliverySaved")) : refused(method.message)
  }
  return { message: null, error: false }
}

type Sessions = { payment_collection: { payment_sessions: { provider_id: string; data: Record<string, unknown> }[] } }

/** The bag's payment session with a provider (Medusa's payment collection for the cart, then the session). */
async function openSession(id: string, providerId: string): Promise<{ ok: true; data: Record<string, unknown> } | { ok: false; message: string }> {
  const collection = await cartCall<{ payment_collection: { id: string } }>("/store/payment-collections", "POST", { cart_id: id })
  if (!collection.ok) {
    return collection
  }
  const session = await cartCall<Sessions>(`/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`, "POST", { provider_id: providerId })
  if (!session.ok) {
    return session
  }
  return { ok: true, data: session.data.payment_collection.payment_sessions.find((s) => s.provider_id === providerId)?.data ?? {} }
}

/** Opens the payment with Razorpay: the session whose order Razorpay's checkout pays. */
export async function startPayment(): Promise<{ ok: true; key: string; order_id: string; amount: number; currency: string } | { ok: false; message: string }> {
  const [id, t] = await Promise.all([cartId(), translator("Bag")])
  if (!id) {
    return { ok: false, message: t("answers.empty") }
  }
  const session = await openSession(id, "pp_razorpay_razorpay")
  if (!session.ok) {
    return session
  }
  const data = session.data
  return { ok: true, key: String(data.key_id), order_id: String(data.razorpay_order_id), amount: Number(data.amount_paise), currency: String(data.currency ?? "INR") }
}

/**
 * Pays with PayPal (cards from abroad): the shop opens a PayPal order for the
 * bag and the shopper approves it on PayPal, which sends them back to
 * /cart/paypal, where the order is placed.
 */
export async function payWithPaypal(): Promise<void> {
  const [id, t] = await Promise.all([cartId(), translator("Bag")])
  if (!id) {
    redirect(`/cart?problem=${encodeURIComponent(t("answers.empty"))}`)
  }
  const session = await openSession(id, "pp_paypal_paypal")
  const approval = session.ok && typeof session.data.approval_url === "string" ? session.data.approval_url : undefined
  redirect(approval ?? `/cart?problem=${encodeURIComponent(session.ok ? t("answers.notPlaced") : session.message)}`)
}

/** Places the order for the bag once its payment is approved, and shows it; the shop's refusal otherwise. */
export async function placeOrder(): Promise<{ ok: false; message: string } | never> {
  const [id, t] = await Promise.all([cartId(), translator("Bag")])
  if (!id) {
    return { ok: false, message: t("answers.empty") }
  }
  const completed = await cartCall<{ type: string; order?: { id: string }; error?: { message: string } }>(`/store/carts/${id}/complete`, "POST")
  if (!completed.ok || completed.data.type !== "order" || !completed.data.order) {
    return { ok: false, message: completed.ok ? (completed.data.error?.message ?? t("answers.notPlaced")) : completed.message }
  }
  await forgetCart()
  redirect(`/order/${completed.data.order.id}`)
}

/** What Razorpay's checkout handed over: checked by the shop, then the order is placed. */
export async function finishPayment(paid: { razorpay_order_id: string; razorpay_payment_id: string; razorpay_signature: string }): Promise<{ ok: false; message: string } | never> {
  const [id, t] = await Promise.all([cartId(), translator("Bag")])
  if (!id) {
    return { ok: false, message: t("answers.empty") }
  }
  const verified = await cartCall(`/store/carts/${id}/razorpay/verify`, "POST", paid)
  if (!verified.ok) {
    return { ok: false, message: verified.message }
  }
  return placeOrder()
}
