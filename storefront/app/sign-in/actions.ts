"use server"

import { redirect } from "next/navigation"
import { claimsOf, setSessionToken, sessionToken, shopFetch } from "../../lib/session"

export type SignInState = { step: "phone" | "code" | "name"; phone: string; channel: "sms" | "whatsapp"; message: string | null; error: boolean }

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

/**
 * The sign-in by phone, one step at a time: ask for a code, type it back,
 * and on a number's first sign-in give a name. Each answer of the shop's
 * API, a refusal included, is shown to the shopper as it is worded there
 * ("That code is not right. 4 tries left.").
 */
export async function signIn(previous: SignInState, form: FormData): Promise<SignInState> {
  const intent = text(form, "intent")
  const phone = text(form, "phone") || previous.phone
  const channel = text(form, "channel") === "whatsapp" ? "whatsapp" : previous.channel
  if (intent === "send" || intent === "resend") {
    const sent = await shopFetch<{ location: string }>("/auth/customer/phone-otp", { method: "POST", body: { phone, channel } })
    if (!sent.ok) {
      return { ...previous, phone, channel, message: sent.message, error: true }
    }
    return { step: "code", phone, channel, message: `We sent a 6-digit code to ${phone} by ${channel === "whatsapp" ? "WhatsApp" : "SMS"}.`, error: false }
  }
  if (intent === "verify") {
    const checked = await shopFetch<{ token: string }>("/auth/customer/phone-otp", { method: "POST", body: { phone, code: text(form, "code") } })
    if (!checked.ok) {
      return { ...previous, step: "code", message: checked.message, error: true }
    }
    await setSessionToken(checked.data.token)
    if (claimsOf(checked.data.token)?.actor_id) {
      redirect("/account")
    }
    return { ...previous, step: "name", message: "Welcome! Tell us your name to finish.", error: false }
  }
  if (intent === "name") {
    const token = await sessionToken()
    if (!token) {
      return { step: "phone", phone, channel, message: "Your sign-in has expired. Ask for a new code.", error: true }
    }
    const email = text(form, "email")
    const made = await shopFetch("/store/customers", {
      method: "POST",
      token,
      body: { first_name: text(form, "first_name"), last_name: text(form, "last_name") || undefined, ...(email ? { email } : {}) },
    })
    if (!made.ok) {
      return { ...previous, step: "name", message: made.message, error: true }
    }
    const refreshed = await shopFetch<{ token: string }>("/auth/token/refresh", { method: "POST", token })
    if (!refreshed.ok) {
      return { step: "phone", phone, channel, message: "Your account is made. Sign in once more to open it.", error: false }
    }
    await setSessionToken(refreshed.data.token)
    redirect("/account")
  }
  return previous
}
