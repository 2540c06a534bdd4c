import { NextResponse } from "next/server"
import { SESSION_COOKIE } from "../../../lib/session"

/**
 * Signs the shopper out (a form's POST), or after an expired sign-in (the
 * account page's redirect), and goes on: to a path, so the browser stays on
 * the host it reached the shop by.
 */
function signOut(to: string) {
  const response = new NextResponse(null, { status: 303, headers: { location: to } })
  response.cookies.delete(SESSION_COOKIE)
  return response
}

export function POST() {
  return signOut("/")
}

export function GET() {
  return signOut("/sign-in")
}
