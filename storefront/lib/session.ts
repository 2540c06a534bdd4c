import { cookies, headers } from "next/headers"
import { redirect } from "next/navigation"
import { shopSettings } from "./medusa"

/**
 * The shopper's sign-in: Medusa's token in an HttpOnly cookie of the
 * storefront's own, so no script on the page can read it, sent to the Store
 * API only by the storefront's server.
 */
export const SESSION_COOKIE = "jewel_customer"

export type TokenClaims = { actor_id: string; actor_type: string; auth_identity_id: string; exp?: number }

/** The token's claims (read only: the Store API checks the signature on every call). */
export function claimsOf(token: string): TokenClaims | undefined {
  try {
    return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as TokenClaims
  } catch {
    return undefined
  }
}

export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value
}

export async function setSessionToken(token: string): Promise<void> {
  const requestHeaders = await headers()
  const secure = requestHeaders.get("x-forwarded-proto")?.split(",")[0] === "https"
  const exp = claimsOf(token)?.exp
  const maxAge = exp ? Math.max(60, exp - Math.floor(Date.now() / 1000)) : 24 * 3600
  ;(await cookies()).set(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge })
}

export async function clearSession(): Promise<void> {
  ;(await cookies()).delete(SESSION_COOKIE)
}

/**
 * The shopper's address for the shop's limits on sign-in codes: the
 * storefront forwards what reached it (X-Forwarded-For, which Next.js fills
 * with the connection's address when no proxy set it). The backend believes
 * it only from TRUSTED_PROXIES (docs/storefront.md, "Sign-in").
 */
async function forwardedFor(): Promise<Record<string, string>> {
  const value = (await headers()).get("x-forwarded-for")
  return value ? { "x-forwarded-for": value } : {}
}

export type ApiAnswer<T> = { ok: true; status: number; data: T } | { ok: false; status: number; message: string }

/** A call to the shop's API from the storefront's server, with the publishable key, the shopper's token and address. */
export async function shopFetch<T>(path: string, { method = "GET", body, token }: { method?: string; body?: unknown; token?: string } = {}): Promise<ApiAnswer<T>> {
  const { backendUrl, publishableKey } = shopSettings()
  const res = await fetch(`${backendUrl}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...(publishableKey ? { "x-publishable-api-key": publishableKey } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(await forwardedFor()),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    cache: "no-store",
  })
  const text = await res.text()
  let data: unknown
  try {
    data = text ? JSON.parse(text) : undefined
  } catch {
    data = undefined
  }
  if (!res.ok) {
    const message = (data as { message?: string } | undefined)?.message ?? `The shop answered ${res.status}`
    return { ok: false, status: res.status, message }
  }
  return { ok: true, status: res.status, data: data as T }
}

/** The signed-in shopper's token, for a page only they may see: without one, the sign-in page. */
export async function customerTokenOrSignIn(): Promise<string> {
  const token = await sessionToken()
  if (!token || !claimsOf(token)?.actor_id) {
    redirect("/sign-in")
  }
  return token
}
