/**
 * The audit trail's pure rules: which fields hold personal data, how they are
 * masked before they are written, and which fields a change touched.
 *
 * An audit entry keeps only what changed, as { field: { before, after } },
 * with phone numbers, e-mail addresses, PANs and addresses masked, so the
 * trail shows that a customer's phone changed without repeating the number.
 */
import { maskPan } from "./pan"

export type FieldChange = { before: unknown; after: unknown }
export type AuditChanges = Record<string, FieldChange>

const PAN_SHAPE = /^[A-Z]{5}[0-9]{4}[A-Z]$/

/** Field names (the last segment of a dotted path) whose values are personal data. */
const PHONE = /(^|_)(phone|mobile|whatsapp_number)$/
const EMAIL = /(^|_)email$/
const PAN = /(^|_)pan(_masked)?$/
const SECRET = /(_encrypted|_cipher|password|secret|token|aadhaar)/
const ADDRESS = /(^|_)(address|addresses|address_\d|address_line_?\d|line_?\d|street|landmark|postal_code|pincode|zip)$/

type PiiKind = "phone" | "email" | "pan" | "secret" | "address"

/** What kind of personal data a field holds, judged by its name; undefined when none. */
export function piiKind(field: string): PiiKind | undefined {
  const name = field.split(".").pop()!.toLowerCase()
  if (SECRET.test(name)) {
    return "secret"
  }
  if (PAN.test(name)) {
    return "pan"
  }
  if (PHONE.test(name)) {
    return "phone"
  }
  if (EMAIL.test(name)) {
    return "email"
  }
  if (ADDRESS.test(name) || name.endsWith("address")) {
    return "address"
  }
  return undefined
}

/** +919820012345 → +91******2345; short values are masked whole. */
function maskPhoneText(phone: string): string {
  if (phone.length <= 6) {
    return "*".repeat(phone.length)
  }
  const head = phone.startsWith("+") ? phone.slice(0, 3) : ""
  const tail = phone.slice(-4)
  return `${head}${"*".repeat(Math.max(phone.length - head.length - 4, 2))}${tail}`
}

/** asha.rao@example.com → a***@example.com */
function maskEmailText(email: string): string {
  const at = email.lastIndexOf("@")
  if (at < 1) {
    return "***"
  }
  return `${email[0]}***${email.slice(at)}`
}

function maskPanText(pan: string): string {
  const upper = pan.trim().toUpperCase()
  if (PAN_SHAPE.test(upper)) {
    return maskPan(upper)
  }
  // Already masked (ABCDE****F) or unreadable: never show more than the masked shape.
  return /^[A-Z]{5}\*{4}[A-Z]$/.test(upper) ? upper : "**********"
}

function maskLeaf(kind: PiiKind, value: unknown): unknown {
  if (value === null || value === undefined || value === "") {
    return value ?? null
  }
  if (kind === "secret") {
    return "[redacted]"
  }
  const text = typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined
  if (text === undefined) {
    return "[masked]"
  }
  switch (kind) {
    case "phone":
      return maskPhoneText(text)
    case "email":
      return maskEmailText(text)
    case "pan":
      return maskPanText(text)
    default:
      return "[masked]"
  }
}

/**
 * The value with personal data masked: `field` names the value itself (a
 * phone field's string is masked); objects and arrays are walked and each key
 * is judged by its own name. Null stays null, so a cleared field still shows.
 */
export function maskPii(value: unknown, field?: string): unknown {
  const kind = field ? piiKind(field) : undefined
  if (kind) {
    return maskLeaf(kind, value)
  }
  if (Array.isArray(value)) {
    return value.map((item) => maskPii(item))
  }
  if (value instanceof Date) {
    return value.toISOString()
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskPii(v, k)]))
  }
  return value
}

/** A JSON-stable form: Dates as ISO strings, object keys sorted, undefined as null. */
function normalize(value: unknown): unknown {
  if (value === undefined) {
    return null
  }
  if (value instanceof Date) {
    return value.toISOString()
  }
  if (Array.isArray(value)) {
    return value.map(normalize)
  }
  if (value && typeof value === "object") {
    const plain = value as Record<string, unknown>
    // Medusa's BigNumber and similar wrappers serialise through toJSON.
    if (typeof (plain as { toJSON?: unknown }).toJSON === "function") {
      return normalize((plain as { toJSON: () => unknown }).toJSON())
    }
    return Object.fromEntries(
      Object.keys(plain)
        .sort()
        .map((k) => [k, normalize(plain[k])])
    )
  }
  return value
}

function read(record: Record<string, unknown> | null | undefined, path: string): { present: boolean; value: unknown } {
  let current: unknown = record
  for (const part of path.split(".")) {
    if (!current || typeof current !== "object" || !(part in (current as Record<string, unknown>))) {
      return { present: false, value: undefined }
    }
    current = (current as Record<string, unknown>)[part]
  }
  return { present: current !== undefined, value: current }
}

/**
 * The changed fields among `fields` (dotted paths such as "consents.sms"
 * reach into objects), as { field: { before, after } } with personal data
 * masked. A field counts as changed when its value in `after` differs from
 * `before`; a field `after` does not have (undefined) was not touched. Dates
 * compare by instant and objects by content. `before` null or {} records a
 * creation; `after` null a removal (then every field present before is shown
 * going to null). Without `fields`, every key of both records is compared.
 */
export function diffFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  fields?: readonly string[]
): AuditChanges {
  const removed = after === null
  const names = fields ?? [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
  const changes: AuditChanges = {}
  for (const field of names) {
    const was = read(before, field)
    const now = read(after, field)
    if (!removed && !now.present) {
      continue
    }
    if (removed && !was.present) {
      continue
    }
    const b = normalize(was.value)
    const a = removed ? null : normalize(now.value)
    if (JSON.stringify(b) === JSON.stringify(a)) {
      continue
    }
    changes[field] = { before: maskPii(b, field), after: maskPii(a, field) }
  }
  return changes
}
