import { NextResponse } from "next/server"
import { isLocale, LANGUAGE_COOKIE, pathBack } from "../../lib/language"

/**
 * The language switch (a form in the header, so it works without
 * JavaScript): keeps the choice for a year and goes back to the page it was
 * made on, its filters included.
 */
export async function POST(request: Request) {
  const form = await request.formData()
  const lang = String(form.get("lang") ?? "")
  const to = pathBack(request.headers.get("referer"), request.url, String(form.get("back") ?? "/"))
  const response = NextResponse.redirect(new URL(to, request.url), 303)
  if (isLocale(lang)) {
    response.cookies.set(LANGUAGE_COOKIE, lang, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" })
  }
  return response
}
