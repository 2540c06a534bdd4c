"use server"

import { sessionToken, shopFetch } from "../../../lib/session"

export type BookingState = { message: string | null; error: boolean }

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

/** Books a visit to a branch or a video call with it, as the signed-in customer, at a day and time in India time. */
export async function bookVisit(_previous: BookingState, form: FormData): Promise<BookingState> {
  const token = await sessionToken()
  if (!token) {
    return { message: "Sign in to book a visit.", error: true }
  }
  const day = text(form, "day")
  const time = text(form, "time")
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) {
    return { message: "Choose a date and a time.", error: true }
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
  return {
    message: `Booked: ${kind === "video_call" ? "a video call with" : "a visit to"} ${branch.name} on ${day} at ${time}. The branch will keep the piece ready for you.`,
    error: false,
  }
}
