import { cookies, headers } from "next/headers"
import { sessionToken, shopFetch, type ApiAnswer } from "./session"

/** The shopper's bag: Medusa's cart, its id in the storefront's own HttpOnly cookie. */
export const CART_COOKIE = "jewel_cart"

export type CartItem = {
  id: string
  title: string
  product_title: string | null
  product_handle: string | null
  variant_id: string
  quantity: number
  unit_price: number
  total: number
  thumbnail: string | null
}
export type Cart = {
  id: string
  region_id: string
  sales_channel_id: string | null
  customer_id: string | null
  email: string | null
  items: CartItem[]
  subtotal: number
  discount_total: number
  shipping_total: number
  tax_total: number
  total: number
  promotions?: { code: string | null }[]
  shipping_methods?: { shipping_option_id: string; name: string; amount: number }[]
  shipping_address?: { first_name: string | null; address_1: string | null; city: string | null; postal_code: string | null; phone: string | null } | null
  payment_collection?: { id: string; payment_sessions?: { id: string; provider_id: string; data: Record<string, unknown> }[] } | null
}

const CART_FIELDS = [
  "id",
  "region_id",
  "sales_channel_id",
  "customer_id",
  "email",
  "subtotal",
  "discount_total",
  "shipping_total",
  "tax_total",
  "total",
  "*items",
  "*promotions",
  "*shipping_methods",
  "*shipping_address",
  "*payment_collection",
  "*payment_collection.payment_sessions",
].join(",")

export async function cartId(): Promise<string | undefined> {
  return (await cookies()).get(CART_COOKIE)?.value
}

export async function readCart(): Promise<Cart | undefined> {
  const id = await cartId()
  if (!id) {
    return undefined
  }
  const answer = await shopFetch<{ cart: Cart }>(`/store/carts/${id}?fields=${CART_FIELDS}`, { token: await sessionToken() })
  return answer.ok ? answer.data.cart : undefined
}

export async function rememberCart(id: string): Promise<void> {
  const secure = (await headers()).get("x-forwarded-proto")?.split(",")[0] === "https"
  ;(await cookies()).set(CART_COOKIE, id, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 30 * 24 * 3600 })
}

export async function forgetCart(): Promise<void> {
  ;(await cookies()).delete(CART_COOKIE)
}

/** A call about the shopper's cart with their sign-in, when they have one. */
export async function cartCall<T>(path: string, method: string, body?: unknown): Promise<ApiAnswer<T>> {
  return shopFetch<T>(path, { method, body, token: await sessionToken() })
}
