"use server"

import type { FormAnswer } from "../../../../components/answer"
import { translator } from "../../../../lib/i18n"
import { sessionToken, shopFetch } from "../../../../lib/session"


const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

/** Books a visit to a branch or a video call with it, as the signed-in customer, at a day and time in India time. */
export async function bookVisit(_previous: FormAnswer, form: FormData): Promise<FormAnswer> {
  const [token, t] = await Promise.all([sessionToken(), translator("Book")])
  if (!token) {
    return { message: t("signIn"), error: true }
  }
  const day = text(form, "day")
  const time = text(form, "time")
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) {
    return { message: t("chooseSlot"), error: true }
  }
  const variantId = text(form, "variant_id")
  const booked = await shopFetch<{ appointment: { branch: { name: string }; kind: string } }>("/store/customers/me/appointments", {
    method: "POST",
    token,
    body: { branch_id: text(form, "branch_id"), kind: text(form, "kind") === "video_call" ? "video_call" : "visit", slot: `${day}T${time}:00+05:30`, ...(variantId ? { variant_id: variantId } : {}) },
  })
  if (!booked.ok) {
    return { message: booked.message, error: true }
  }
  const { branch, kind } = booked.data.appointment
  return { message: t("booked", { kind, branch: branch.name, day, time }), error: false }
}
