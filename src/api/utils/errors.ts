import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { errorHandler } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { DOMAIN_CONFLICT, PROVIDER_UNAVAILABLE } from "../../lib/errors"

const medusaErrorHandler = errorHandler()

/**
 * A database (or other server) that cannot be reached (refused, unknown host, timed out, shut down): a server that is
 * down, not a fault of the request; with ANALYTICS_DATABASE_URL, most often the reports' replica.
 */
const DATABASE_UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "ECONNRESET", "57P01", "57P03", "08001", "08006"])

function databaseUnreachable(e: { code?: string; name?: string }): boolean {
  return (typeof e.code === "string" && DATABASE_UNREACHABLE.has(e.code)) || e.name === "KnexTimeoutError"
}

/** What Medusa's locking module throws when a lock stays taken past the caller's timeout. */
const LOCK_TIMED_OUT = "Timed-out acquiring lock."

/**
 * Conflicts in the shop's own data are answered 409 with their message;
 * Medusa's handler words every conflict as a retryable request clash, which
 * would hide what is taken. A payment provider that is down answers 503
 * with what to do; a record locked by another change past the wait, 409
 * with "try again"; a database that cannot be reached, 503. Errors of the request itself that Medusa's handler would
 * answer 500 — an Express error with a 4xx status, a PostgreSQL data
 * exception (class 22) — answer 400 with their reason. Everything else goes
 * to Medusa's handler.
 */
export function jewelErrorHandler(err: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const e = err as { type?: string; code?: string; message?: string; name?: string }
  if (e?.type === MedusaError.Types.CONFLICT && e.code === DOMAIN_CONFLICT) {
    res.status(409).json({ type: MedusaError.Types.CONFLICT, code: DOMAIN_CONFLICT, message: e.message })
    return
  }
  if (e?.code === PROVIDER_UNAVAILABLE) {
    res.status(503).json({ type: "provider_unavailable", code: PROVIDER_UNAVAILABLE, message: e.message })
    return
  }
  if (e && databaseUnreachable(e)) {
    req.scope?.resolve(ContainerRegistrationKeys.LOGGER).error(`Unreachable at ${req.path}: ${e.code ?? ""} ${e.message ?? ""}`)
    res.status(503).json({ type: "unavailable", message: "A database or service this request needs cannot be reached just now; try again in a minute" })
    return
  }
  if (e?.message === LOCK_TIMED_OUT) {
    // Medusa's workflows lock the record they change (an order, a cart) for a few seconds; another change waits and then gives up.
    res.status(409).json({ type: MedusaError.Types.CONFLICT, message: "Another change to this record is under way; try again in a moment" })
    return
  }
  const status = (err as { statusCode?: unknown; status?: unknown } | undefined)?.statusCode ?? (err as { status?: unknown } | undefined)?.status
  if (!(err instanceof MedusaError) && typeof status === "number" && status >= 400 && status < 500) {
    // Express and its parsers (a path escape that does not decode, an upload cut short…) say what was wrong with the request.
    res.status(status).json({ type: MedusaError.Types.INVALID_DATA, message: e.message || "The request could not be read" })
    return
  }
  if (typeof e?.code === "string" && /^22[0-9A-Z]{3}$/.test(e.code)) {
    // A PostgreSQL data exception (a value that does not fit its column or type) is a value we were sent, not a fault of ours.
    const reason = (e.message ?? "").split(" - ").pop()
    req.scope?.resolve(ContainerRegistrationKeys.LOGGER).warn(`Refused with 400 at ${req.path}: ${reason}`)
    res.status(400).json({ type: MedusaError.Types.INVALID_DATA, message: `A value in the request cannot be stored: ${reason}` })
    return
  }
  return medusaErrorHandler(err, req, res, next)
}
