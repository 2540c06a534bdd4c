"use server"

import { redirect } from "next/navigation"
import { sessionToken, shopFetch } from "../../../../lib/session"

/**
 * Pays a card's next instalment online: the shop makes (or finds, while it
 * is unpaid) the Razorpay payment link, and the shopper goes to it. The
 * amount and the card's owner are the shop's to decide, not the form's.
 */
export async function payInstalment(form: FormData): Promise<void> {
  const token = await sessionToken()
  if (!token) {
    redirect("/sign-in")
  }
  const id = String(form.get("enrolment_id") ?? "")
  const link = await shopFetch<{ payment_link: { short_url: string } }>(`/store/customers/me/schemes/${encodeURIComponent(id)}/payment-link`, { method: "POST", token, body: {} })
  redirect(link.ok ? link.data.payment_link.short_url : `/account/schemes?problem=${encodeURIComponent(link.message)}`)
}
