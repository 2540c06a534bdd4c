import { NextResponse } from "next/server"
import { SESSION_COOKIE } from "../../lib/session"

/** Signs the shopper out (a form's POST), or after an expired sign-in (the account page's redirect), and goes on. */
function signOut(request: Request, to: string) {
  const response = NextResponse.redirect(new URL(to, request.url), 303)
  response.cookies.delete(SESSION_COOKIE)
  return response
}

export function POST(request: Request) {
  return signOut(request, "/")
}

export function GET(request: Request) {
  return signOut(request, "/sign-in")
}
