"use server"

import { redirect } from "next/navigation"
import type { FormAnswer } from "../../../components/answer"
import { translator } from "../../../lib/i18n"
import { claimsOf, setSessionToken, sessionToken, shopFetch } from "../../../lib/session"

export type SignInState = FormAnswer & { step: "phone" | "code" | "name"; phone: string; channel: "sms" | "whatsapp" }

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

/**
 * A first sign-in's account: Medusa's POST /store/customers with the new
 * sign-in, then a fresh token that names the customer. `made` when the
 * account is made but the token could not be renewed (sign in once more).
 */
async function openAccount(token: string, customer: Record<string, string | undefined>): Promise<{ ok: true; token: string } | { ok: false; message: string } | { ok: "made" }> {
  const made = await shopFetch("/store/customers", { method: "POST", token, body: customer })
  if (!made.ok) {
    return made
  }
  const refreshed = await shopFetch<{ token: string }>("/auth/token/refresh", { method: "POST", token })
  return refreshed.ok ? { ok: true, token: refreshed.data.token } : { ok: "made" }
}

/**
 * The sign-in by phone, one step at a time: ask for a code, type it back,
 * and on a number's first sign-in give a name. Each answer of the shop's
 * API, a refusal included, is shown to the shopper as it is worded there
 * ("That code is not right. 4 tries left."); the storefront's own answers
 * are in the shopper's language.
 */
export async function signIn(previous: SignInState, form: FormData): Promise<SignInState> {
  const intent = text(form, "intent")
  const phone = text(form, "phone") || previous.phone
  const channel = text(form, "channel") === "whatsapp" ? "whatsapp" : previous.channel
  const t = await translator("SignIn")
  if (intent === "send" || intent === "resend") {
    const sent = await shopFetch<{ location: string }>("/auth/customer/phone-otp", { method: "POST", body: { phone, channel } })
    if (!sent.ok) {
      return { ...previous, phone, channel, message: sent.message, error: true }
    }
    return { step: "code", phone, channel, message: t("answers.sent", { phone, channel }), error: false }
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
    return { ...previous, step: "name", message: t("answers.welcome"), error: false }
  }
  if (intent === "name") {
    const token = await sessionToken()
    if (!token) {
      return { step: "phone", phone, channel, message: t("answers.expired"), error: true }
    }
    const opened = await openAccount(token, { first_name: text(form, "first_name"), last_name: text(form, "last_name") || undefined, email: text(form, "email") || undefined })
    if (opened.ok === false) {
      return { ...previous, step: "name", message: opened.message, error: true }
    }
    if (opened.ok === "made") {
      return { step: "phone", phone, channel, message: t("answers.made"), error: false }
    }
    await setSessionToken(opened.token)
    redirect("/account")
  }
  return previous
}

export type EmailSignInState = FormAnswer & { email: string }

/**
 * The sign-in by email and password (Medusa's `emailpass`), for customers
 * who opened their account that way; the "open an account" form registers
 * the email and makes the customer with the name given. A refusal keeps the
 * email typed (the form is reset after each answer).
 */
export async function signInByEmail(_previous: EmailSignInState, form: FormData): Promise<EmailSignInState> {
  const t = await translator("SignIn")
  const credentials = { email: text(form, "email").toLowerCase(), password: String(form.get("password") ?? "") }
  const firstName = text(form, "first_name")
  const register = text(form, "intent") === "register"
  const refused = (message: string): EmailSignInState => ({ message, error: true, email: credentials.email })
  const signedIn = await shopFetch<{ token: string }>(register ? "/auth/customer/emailpass/register" : "/auth/customer/emailpass", { method: "POST", body: credentials })
  if (!signedIn.ok) {
    return refused(signedIn.message)
  }
  let token = signedIn.data.token
  if (!claimsOf(token)?.actor_id) {
    // An email without a customer yet: the account is made with the name given.
    if (!firstName) {
      return refused(t("emailForm.nameNeeded"))
    }
    const opened = await openAccount(token, { email: credentials.email, first_name: firstName })
    if (opened.ok === false) {
      return refused(opened.message)
    }
    if (opened.ok === "made") {
      return { message: t("answers.made"), error: false, email: credentials.email }
    }
    token = opened.token
  }
  await setSessionToken(token)
  redirect("/account")
}
