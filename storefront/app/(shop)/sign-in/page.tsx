import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { translator } from "../../../lib/i18n"
import { claimsOf, sessionToken } from "../../../lib/session"
import { EmailSignInForm } from "./email-form"
import { SignInForm } from "./sign-in-form"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  const t = await translator("SignIn")
  return { title: t("title"), robots: { index: false } }
}

export default async function SignInPage() {
  const token = await sessionToken()
  if (token && claimsOf(token)?.actor_id) {
    redirect("/account")
  }
  const t = await translator("SignIn")
  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="muted">{t("intro")}</p>
      <SignInForm />
      <details className="other-way">
        <summary>{t("emailForm.toggle")}</summary>
        <EmailSignInForm />
        <EmailSignInForm register />
      </details>
    </>
  )
}
