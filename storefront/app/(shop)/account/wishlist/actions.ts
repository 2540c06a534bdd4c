"use server"

import { redirect } from "next/navigation"
import type { FormAnswer } from "../../../../components/answer"
import { translator } from "../../../../lib/i18n"
import { sessionToken, shopFetch } from "../../../../lib/session"

/** Saves the piece shown to the shopper's wishlist (saved twice is still saved once). */
export async function saveToWishlist(_previous: FormAnswer, form: FormData): Promise<FormAnswer> {
  const t = await translator("Wishlist")
  const token = await sessionToken()
  if (!token) {
    return { message: t("signIn"), error: true }
  }
  const saved = await shopFetch("/store/customers/me/wishlist", { method: "POST", token, body: { variant_id: String(form.get("variant_id") ?? "") } })
  return saved.ok ? { message: t("saved"), error: false } : { message: saved.status === 401 ? t("signIn") : saved.message, error: true }
}

export async function removeFromWishlist(form: FormData): Promise<void> {
  const token = await sessionToken()
  if (token) {
    await shopFetch(`/store/customers/me/wishlist?variant_id=${encodeURIComponent(String(form.get("variant_id") ?? ""))}`, { method: "DELETE", token })
  }
  redirect("/account/wishlist")
}
