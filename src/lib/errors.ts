/**
 * Error code of conflicts in the shop's own data (a HUID or tag already in
 * use). Throw `new MedusaError(MedusaError.Types.CONFLICT, message, DOMAIN_CONFLICT)`:
 * the API answers 409 with the message (see src/api/utils/errors.ts).
 */
export const DOMAIN_CONFLICT = "domain_conflict"
