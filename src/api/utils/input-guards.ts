import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { respelling } from "../../lib/request-path"
import { refuseMedusaRouteGaps } from "./medusa-route-gaps"

const NUL = "\u0000"

/** Where in a parsed body (or query) a NUL character is, or null. Keys count too. */
export function findNul(value: unknown, at = "", depth = 0): string | null {
  if (typeof value === "string") {
    return value.includes(NUL) ? at || "body" : null
  }
  if (!value || typeof value !== "object" || depth > 1000) {
    return null
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const here = at ? `${at}.${k}` : k
    if (k.includes(NUL)) {
      return here
    }
    const found = findNul(v, here, depth + 1)
    if (found) {
      return found
    }
  }
  return null
}

function refuse(res: MedusaResponse, message: string) {
  res.status(400).json({ type: MedusaError.Types.INVALID_DATA, message })
}

/**
 * Turns away input no route can store or look up: a NUL character
 * (PostgreSQL's text cannot hold one, and a NUL in a query ends the database
 * connection) in the path, the query or the body, and a path whose percent
 * escapes do not decode. Answered 400 before any route runs.
 */
export function refuseUnstorableInput(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  let path: string
  try {
    // The whole address: under app.use(matcher) req.path is relative to the matcher.
    path = decodeURIComponent((req.originalUrl ?? req.url).split("?")[0])
  } catch {
    return refuse(res, "The address has a malformed percent escape")
  }
  if (path.includes(NUL)) {
    return refuse(res, "The address contains a NUL character")
  }
  const inQuery = findNul(req.query)
  if (inQuery) {
    return refuse(res, `The query parameter "${inQuery}" contains a NUL character`)
  }
  const inBody = findNul(req.body)
  if (inBody) {
    return refuse(res, `The body field "${inBody}" contains a NUL character`)
  }
  next()
}

/**
 * A path spelled other than plainly (a percent-escaped letter, `//`, a dot
 * segment) is answered 404 before any route: Express would route some of
 * them to a `:param` route that checks keyed on the plain path never see.
 * No client needs these spellings; refusing them keeps one answer per route.
 */
export function refuseRespelledPath(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const path = (req.originalUrl ?? req.url).split("?")[0]
  const why = respelling(path)
  if (why) {
    res.status(404).json({ type: MedusaError.Types.NOT_FOUND, message: `No route at ${path}: ${why}` })
    return
  }
  next()
}

/**
 * Before every route (ours and Medusa's): input nothing can store or look up
 * is answered 400, a path spelled other than plainly 404.
 */
export const inputGuardRoutesMiddlewares: MiddlewareRoute[] = ["/admin*", "/store*", "/auth*", "/hooks*", "/documents*"]
  .map((matcher): MiddlewareRoute => ({ matcher, middlewares: [refuseUnstorableInput, refuseRespelledPath] }))
  // After authentication (Medusa's, which runs first), before Medusa's route middlewares.
  .concat([{ matcher: "/admin*", middlewares: [refuseMedusaRouteGaps] }, { matcher: "/store*", middlewares: [refuseMedusaRouteGaps] }])
