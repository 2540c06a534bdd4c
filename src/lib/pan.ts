/**
 * PAN (Permanent Account Number): validation, masking for display, and
 * AES-256-GCM encryption at rest. The stored form is
 * "v1:<iv>:<tag>:<ciphertext>" in base64url, so keys can rotate later.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"

const PAN_SHAPE = /^[A-Z]{5}[0-9]{4}[A-Z]$/

export function normalizePan(input: string): string {
  const pan = input.trim().toUpperCase()
  if (!PAN_SHAPE.test(pan)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A PAN is 5 letters, 4 digits and a letter, e.g. ABCDE1234F")
  }
  return pan
}

/**
 * A sale, scheme enrolment or old-gold purchase of this much or more needs the customer's PAN or a Form 60
 * (Income-tax Rules, Rule 114B: transactions above ₹2 lakh; the counter asks from ₹2 lakh itself, as cash
 * receipts of ₹2 lakh or more are barred by s.269ST in any case).
 */
export const PAN_REQUIRED_FROM_PAISE = 2_00_000_00

/** Whether a bill of `amountPaise` needs PAN or Form 60 before it can complete. */
export function panRequiredFor(amountPaise: number): boolean {
  return amountPaise >= PAN_REQUIRED_FROM_PAISE
}

/** ABCDE1234F → ABCDE****F */
export function maskPan(pan: string): string {
  return `${pan.slice(0, 5)}****${pan.slice(9)}`
}

/** Reads a 32-byte key given as 64 hex characters or base64. */
export function parseEncryptionKey(text: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64")
  if (key.length !== 32) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "PII_ENCRYPTION_KEY must be 32 bytes: 64 hex characters or base64")
  }
  return key
}

/** The key that encrypts PAN and other identity numbers at rest (PII_ENCRYPTION_KEY). */
export function piiKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const text = env.PII_ENCRYPTION_KEY
  if (!text) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Storing a PAN needs PII_ENCRYPTION_KEY to be set on the server")
  }
  return parseEncryptionKey(text)
}

export function encryptSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", key, iv)
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()])
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(":")
}

export function decryptSecret(stored: string, key: Buffer): string {
  const [version, iv, tag, body] = stored.split(":")
  if (version !== "v1" || !iv || !tag || !body) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Unreadable encrypted value")
  }
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"))
  decipher.setAuthTag(Buffer.from(tag, "base64url"))
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8")
}
