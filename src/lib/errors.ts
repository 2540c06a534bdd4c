import { MedusaError } from "@medusajs/framework/utils"

/**
 * Error code of conflicts in the shop's own data (a HUID or tag already in
 * use). Throw `new MedusaError(MedusaError.Types.CONFLICT, message, DOMAIN_CONFLICT)`:
 * the API answers 409 with the message (see src/api/utils/errors.ts).
 */
export const DOMAIN_CONFLICT = "domain_conflict"

/**
 * Error code of a payment provider that did not answer or answered 5xx
 * (Razorpay, PayPal down or slow). Throw `new MedusaError(MedusaError.Types.UNEXPECTED_STATE,
 * message, PROVIDER_UNAVAILABLE)`: the API answers 503 with the message, and
 * nothing on our side has changed, so the same request may be tried again.
 */
export const PROVIDER_UNAVAILABLE = "provider_unavailable"

/** A payment provider's outage, worded for staff and customers alike (answered 503). */
export function providerUnavailable(provider: string, problem: { status: number; code: string; description: string }, action: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    `${provider} is unavailable (${problem.status ? `HTTP ${problem.status} ` : ""}${problem.code}: ${problem.description}) and could not ${action}. Nothing was changed; try again in a minute or choose another way to pay.`,
    PROVIDER_UNAVAILABLE
  )
}
