/**
 * The security headers set on every API response. No Content-Security-Policy:
 * the admin dashboard (a Vite build with inline styles and Medusa's own
 * scripts) is not written for one, and the API answers JSON.
 */

import { MedusaError } from "@medusajs/framework/utils"

export type HstsMode = "auto" | "always" | "off"

/** HSTS for 180 days; subdomains are left to the shop's own domain policy. */
export const HSTS_VALUE = "max-age=15552000"

export function parseHstsMode(text: string | undefined): HstsMode {
  const value = (text ?? "").trim().toLowerCase()
  if (!value) {
    return "auto"
  }
  if (value === "auto" || value === "always" || value === "off") {
    return value
  }
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `HSTS="${text}" must be auto (when the request came over HTTPS), always or off`)
}

/**
 * The headers for one response. `secure`: the request reached the shop over
 * HTTPS, directly or through a load balancer that says so in X-Forwarded-Proto.
 */
export function securityHeaderValues({ hsts, secure }: { hsts: HstsMode; secure: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    // The admin is never framed by another site; SAMEORIGIN leaves its own previews working.
    "X-Frame-Options": "SAMEORIGIN",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  }
  if (hsts === "always" || (hsts === "auto" && secure)) {
    headers["Strict-Transport-Security"] = HSTS_VALUE
  }
  return headers
}

/**
 * Uploaded files served from the shop's own origin (`/static`, the local file
 * provider): downloaded rather than shown, and never run as a page, so a file
 * passed off as something else cannot act with a signed-in user's session.
 */
export const STATIC_FILE_HEADERS: Record<string, string> = {
  "Content-Disposition": "attachment",
  "Content-Security-Policy": "default-src 'none'; sandbox",
}

/** Whether a request path is one of the uploaded files under /static. */
export function isStaticFilePath(url: string | undefined): boolean {
  return /^\/static(\/|$)/i.test((url ?? "").split("?")[0])
}
