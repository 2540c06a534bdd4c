"use server"

import type { FormAnswer } from "../../../../components/answer"
import { translator } from "../../../../lib/i18n"
import { profileUpdate, type OwnProfile } from "../../../../lib/profile"
import { sessionToken, shopFetch } from "../../../../lib/session"

/** Saves the "About you" form; the shop's own refusal (a birthday in the future) is shown as it words it. */
export async function saveProfile(_previous: FormAnswer, form: FormData): Promise<FormAnswer> {
  const t = await translator("Profile")
  const token = await sessionToken()
  if (!token) {
    return { message: t("signInAgain"), error: true }
  }
  const current = await shopFetch<{ profile: OwnProfile }>("/store/customers/me/profile", { token })
  if (!current.ok) {
    return { message: current.status === 401 ? t("signInAgain") : current.message, error: true }
  }
  const saved = await shopFetch("/store/customers/me/profile", { method: "POST", token, body: profileUpdate(form, current.data.profile) })
  return saved.ok ? { message: t("saved"), error: false } : { message: saved.message, error: true }
}
