import { NextResponse } from "next/server"
import { isLocale, LANGUAGE_COOKIE, pathBack } from "../../../lib/language"

/**
 * The language switch (a form in the header, so it works without
 * JavaScript): keeps the choice for a year and goes back to the page it was
 * made on, its filters included. The redirect is a path, so the browser
 * stays on the host it reached the shop by (Next.js's own idea of its
 * address is not that host behind a proxy).
 */
export async function POST(request: Request) {
  const form = await request.formData()
  const lang = String(form.get("lang") ?? "")
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host")
  const to = pathBack(request.headers.get("referer"), host, String(form.get("back") ?? "/"))
  const response = new NextResponse(null, { status: 303, headers: { location: to } })
  if (isLocale(lang)) {
    response.cookies.set(LANGUAGE_COOKIE, lang, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" })
  }
  return response
}
