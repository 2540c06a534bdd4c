import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { claimsOf, sessionToken } from "../../lib/session"
import { SignInForm } from "./sign-in-form"

export const dynamic = "force-dynamic"
export const metadata: Metadata = { title: "Sign in", robots: { index: false } }

export default async function SignInPage() {
  const token = await sessionToken()
  if (token && claimsOf(token)?.actor_id) {
    redirect("/account")
  }
  return (
    <>
      <h1>Sign in with your mobile number</h1>
      <p className="muted">We send a code by SMS or WhatsApp. The number you bought with at our shop brings your orders, points and invoices with it.</p>
      <SignInForm />
    </>
  )
}
