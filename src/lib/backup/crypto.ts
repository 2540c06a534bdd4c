/**
 * The backup's encryption (docs/operations.md, "Backups"): AES-256-GCM with a
 * key of its own for every file, derived by HKDF-SHA256 from
 * BACKUP_ENCRYPTION_KEY and a random salt kept in the file's header. The
 * header also carries a key check (an HMAC of the salt), so a wrong key is
 * named as such before a byte is decrypted; the header itself is
 * authenticated with the data (GCM's additional data).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, type CipherGCM, type DecipherGCM } from "node:crypto"
import { BackupError } from "./errors"

export const KEY_BYTES = 32
export const SALT_BYTES = 32
export const IV_BYTES = 12
export const TAG_BYTES = 16

/** 32 bytes as 64 hex characters or base64 (standard or URL-safe); undefined when it is neither. */
export function decodeKey(text: string): Buffer | undefined {
  const value = text.trim()
  if (/^[0-9a-fA-F]{64}$/.test(value)) {
    return Buffer.from(value, "hex")
  }
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const bytes = Buffer.from(value, "base64")
    return bytes.length === KEY_BYTES ? bytes : undefined
  }
  return undefined
}

/** Why BACKUP_ENCRYPTION_KEY cannot be used, or undefined when it can. */
export function backupKeyProblem(value: string | undefined): string | undefined {
  if (!value || !value.trim()) {
    return "BACKUP_ENCRYPTION_KEY is not set"
  }
  const key = decodeKey(value)
  if (!key) {
    return "BACKUP_ENCRYPTION_KEY must be a 32-byte key: 64 hex characters (openssl rand -hex 32) or base64 (openssl rand -base64 32)"
  }
  if (key.every((b) => b === key[0])) {
    return "BACKUP_ENCRYPTION_KEY is one byte repeated; generate a random one (openssl rand -hex 32)"
  }
  return undefined
}

export function newSalt(): Buffer {
  return randomBytes(SALT_BYTES)
}

export function newIv(): Buffer {
  return randomBytes(IV_BYTES)
}

function fileKey(key: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", key, salt, "jewel-crm backup v1 data", KEY_BYTES))
}

/** Tells a wrong key from a damaged file: HMAC of the salt under a key derived apart from the data key. */
export function keyCheck(key: Buffer, salt: Buffer): string {
  const checkKey = Buffer.from(hkdfSync("sha256", key, salt, "jewel-crm backup v1 key check", KEY_BYTES))
  return createHmac("sha256", checkKey).update(salt).digest("hex").slice(0, 32)
}

export function encryptor(key: Buffer, salt: Buffer, iv: Buffer, header: Buffer): CipherGCM {
  const cipher = createCipheriv("aes-256-gcm", fileKey(key, salt), iv)
  cipher.setAAD(header)
  return cipher
}

export function decryptor(key: Buffer, salt: Buffer, iv: Buffer, header: Buffer, tag: Buffer): DecipherGCM {
  if (tag.length !== TAG_BYTES) {
    throw new BackupError("the backup is truncated: it ends before its authentication tag")
  }
  const decipher = createDecipheriv("aes-256-gcm", fileKey(key, salt), iv)
  decipher.setAAD(header)
  decipher.setAuthTag(tag)
  return decipher
}
