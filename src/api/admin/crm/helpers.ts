import { MedusaError } from "@medusajs/framework/utils"
import { encryptSecret, maskPan, parseEncryptionKey } from "../../../lib/pan"
import { stampConsents } from "../../../modules/crm/present"
import type { CustomerProfileData } from "../../../workflows/crm"
import type { CreateCrmCustomerBodyType } from "./validators"

/** The key that encrypts PAN and other identity numbers at rest. */
export function piiKey(): Buffer {
  const text = process.env.PII_ENCRYPTION_KEY
  if (!text) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Storing a PAN needs PII_ENCRYPTION_KEY to be set on the server")
  }
  return parseEncryptionKey(text)
}

/** The profile part of a create body, consents stamped with time and source. */
export function toProfileData(body: CreateCrmCustomerBodyType, source: string): CustomerProfileData {
  const { first_name: _f, last_name: _l, email: _e, pan, consents, ...profile } = body
  return {
    ...profile,
    consents: stampConsents(consents, source) ?? null,
    ...(pan ? { pan_encrypted: encryptSecret(pan, piiKey()), pan_masked: maskPan(pan) } : {}),
  }
}
