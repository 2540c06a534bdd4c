import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { errorHandler } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { DOMAIN_CONFLICT, PROVIDER_UNAVAILABLE } from "../../lib/errors"

const medusaErrorHandler = errorHandler()

/**
 * Conflicts in the shop's own data are answered 409 with their message;
 * Medusa's handler words every conflict as a retryable request clash, which
 * would hide what is taken. A payment provider that is down answers 503
 * with what to do. Everything else goes to Medusa's handler.
 */
export function jewelErrorHandler(err: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const e = err as { type?: string; code?: string; message?: string }
  if (e?.type === MedusaError.Types.CONFLICT && e.code === DOMAIN_CONFLICT) {
    res.status(409).json({ type: MedusaError.Types.CONFLICT, code: DOMAIN_CONFLICT, message: e.message })
    return
  }
  if (e?.code === PROVIDER_UNAVAILABLE) {
    res.status(503).json({ type: "provider_unavailable", code: PROVIDER_UNAVAILABLE, message: e.message })
    return
  }
  return medusaErrorHandler(err, req, res, next)
}
