import { encryptSecret, maskPan, piiKey } from "../../../lib/pan"
import { stampConsents } from "../../../modules/crm/present"
import type { CustomerProfileData } from "../../../workflows/crm"
import type { CreateCrmCustomerBodyType } from "./validators"

/** The profile part of a create body, consents stamped with time and source. */
export function toProfileData(body: CreateCrmCustomerBodyType, source: string): CustomerProfileData {
  const { first_name: _f, last_name: _l, email: _e, pan, consents, ...profile } = body
  return {
    ...profile,
    consents: stampConsents(consents, source) ?? null,
    ...(pan ? { pan_encrypted: encryptSecret(pan, piiKey()), pan_masked: maskPan(pan) } : {}),
  }
}
