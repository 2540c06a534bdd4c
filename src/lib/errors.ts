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
