/**
 * Bad-input generator for the fuzz suite (integration-tests/http/fuzz.spec.ts).
 * Pure: from a zod schema and a seed it derives inputs the schema rejects —
 * wrong types per field, missing required fields, huge strings, unicode and
 * NUL bytes, negative/fractional/NaN-ish numbers, injection strings, unknown
 * fields, deep nesting, arrays for objects — and, for every route, malformed
 * JSON, a wrong content type and unknown path ids. Every schema-derived case
 * is checked with the schema itself, as JSON will carry it, so what is sent is
 * invalid by definition (a case the schema accepts is dropped: it could
 * legitimately change data).
 */
import type { z } from "@medusajs/framework/zod"
import { mulberry32 } from "../../src/lib/seeded-random"

/** Picks cases reproducibly from a seed. */
export const prng = mulberry32


/** A stable 32-bit hash of a string (FNV-1a), to give every route its own stream from one seed. */
export function hashSeed(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

export const HUGE = "x".repeat(100_000)

export const INJECTIONS = [
  "'; DROP TABLE customer; --",
  "' OR '1'='1",
  "1; SELECT pg_sleep(5)",
  '{"$gt": ""}',
  "<script>alert(1)</script>",
  "${7*7}{{7*7}}",
  "../../../../etc/passwd",
  "%00%27",
]

export const WEIRD_TEXT = [
  "💍✨👑",
  "\u202Eتسجيل\u202C مرحبا",
  "नमस्ते ज्वेलर्स",
  "null\u0000byte",
  "\uFEFF\u200B\u200D",
  "\uD800",
  "",
  " ",
]

export const NAN_ISH = ["NaN", "Infinity", "-Infinity", "1e999", "0x10", "12abc", "", "null", "undefined", "--1"]

/** Unknown ids for path parameters: none exists, some try to break out of the query. */
export const BAD_IDS = [
  "does_not_exist",
  "'; drop table customer; --",
  "x".repeat(3000),
  "💍",
  "null\u0000byte",
  "../../etc/passwd",
  "1 OR 1=1",
]

/** Path ids sent as they are, not percent-encoded: escapes that do not decode. */
export const MALFORMED_IDS = ["%E0%A4%A", "%zz", "%"]

export function deepObject(depth: number): Record<string, unknown> {
  let o: Record<string, unknown> = { leaf: 1 }
  for (let i = 0; i < depth; i++) {
    o = { a: o }
  }
  return o
}

type Def = { type: string; [k: string]: any }
type Bag = { minimum?: number; maximum?: number; format?: string; patterns?: Set<RegExp> }

function defOf(schema: unknown): Def {
  return ((schema as { _zod?: { def?: Def } })?._zod?.def ?? { type: "unknown" }) as Def
}
function bagOf(schema: unknown): Bag {
  return ((schema as { _zod?: { bag?: Bag } })?._zod?.bag ?? {}) as Bag
}

/** Strips wrappers (optional, nullable, default, pipe, readonly, lazy…) down to the schema that types the value. */
export function core(schema: unknown): unknown {
  let s = schema
  for (let i = 0; i < 20; i++) {
    const d = defOf(s)
    if (["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"].includes(d.type)) {
      s = d.innerType
    } else if (d.type === "pipe") {
      s = defOf(d.in).type === "transform" ? d.out : d.in
    } else if (d.type === "lazy") {
      s = d.getter()
    } else {
      return s
    }
  }
  return s
}

export function isOptional(schema: unknown): boolean {
  let s = schema
  for (let i = 0; i < 20; i++) {
    const d = defOf(s)
    if (["optional", "default", "prefault", "catch"].includes(d.type)) {
      return true
    }
    if (["nullable", "readonly", "nonoptional"].includes(d.type)) {
      s = d.innerType
    } else if (d.type === "pipe") {
      s = d.in
    } else {
      return false
    }
  }
  return false
}

/** The object shape of a schema (through wrappers and refinements), or undefined when it is not an object. */
export function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  const d = defOf(core(schema))
  if (d.type === "object") {
    return d.shape as Record<string, unknown>
  }
  if (d.type === "intersection") {
    return { ...(shapeOf(d.left) ?? {}), ...(shapeOf(d.right) ?? {}) }
  }
  if (d.type === "union") {
    return shapeOf(d.options[0])
  }
  return undefined
}

/** A plausible value of the schema's type (not necessarily valid: refinements and patterns are not solved). */
export function sample(schema: unknown, depth = 0): unknown {
  const s = core(schema)
  const d = defOf(s)
  const bag = bagOf(s)
  switch (d.type) {
    case "string": {
      const formats: Record<string, string> = {
        email: "fuzz@example.com",
        url: "https://example.com",
        uuid: "00000000-0000-4000-8000-000000000000",
        datetime: "2024-01-01T00:00:00Z",
        date: "2024-01-01",
      }
      const base = (bag.format && formats[bag.format]) || "abc"
      return base.padEnd(bag.minimum ?? 0, "a")
    }
    case "number":
      return bag.minimum !== undefined && bag.minimum > 0 ? bag.minimum : 1
    case "bigint":
      return 1
    case "boolean":
      return true
    case "date":
      return "2024-01-01T00:00:00.000Z"
    case "enum":
      return Object.values(d.entries)[0]
    case "literal":
      return d.values[0]
    case "array":
      return depth > 4 ? [] : Array.from({ length: Math.max(bagOf(s).minimum ?? 0, 0) }, () => sample(d.element, depth + 1))
    case "object": {
      const out: Record<string, unknown> = {}
      if (depth > 4) {
        return out
      }
      for (const [k, v] of Object.entries(d.shape as Record<string, unknown>)) {
        if (!isOptional(v)) {
          out[k] = sample(v, depth + 1)
        }
      }
      return out
    }
    case "union":
      return sample(d.options[0], depth + 1)
    case "intersection":
      return { ...(sample(d.left, depth + 1) as object), ...(sample(d.right, depth + 1) as object) }
    case "record":
      return {}
    case "tuple":
      return (d.items as unknown[]).map((i) => sample(i, depth + 1))
    case "null":
      return null
    default:
      return "abc"
  }
}

/** Values of the wrong kind (or out of range) for a field of this schema. */
export function badValues(schema: unknown): unknown[] {
  const d = defOf(core(schema))
  const common: unknown[] = [null, { $gt: "" }, [1, 2], deepObject(40)]
  switch (d.type) {
    case "string":
    case "enum":
    case "literal":
      return [123, -1.5, true, ...common, HUGE, ...WEIRD_TEXT, ...INJECTIONS, "not_an_option"]
    case "number":
    case "bigint":
      return ["abc", true, ...common, -1, -0.5, 1.5, 1e308, -1e308, 2 ** 53 + 1, ...NAN_ISH, ...INJECTIONS, HUGE]
    case "boolean":
      return ["yes", 2, "true ", ...common, ...INJECTIONS]
    case "date":
      return ["not a date", "2024-13-45", "0000-00-00", 1e20, true, ...common, ...INJECTIONS, HUGE]
    case "array":
      return ["a", 1, { a: 1 }, null, Array.from({ length: 5000 }, () => "x"), [null], [{ $gt: "" }], [deepObject(30)], [HUGE]]
    case "object":
    case "record":
    case "intersection":
      return ["a", 1, true, null, [], [{}], deepObject(200), { zz_unknown_field: 1 }, JSON.parse('{"__proto__": {"polluted": true}}')]
    default:
      return [...common, HUGE, ...INJECTIONS, ...WEIRD_TEXT]
  }
}

export type BodyCase = { name: string; body: unknown }
export type QueryCase = { name: string; query: Record<string, string | string[]> }

/** Does the schema reject the value? (A schema that throws counts as rejecting: it is a bug the suite should see.) */
async function rejects(schema: z.ZodType, value: unknown): Promise<boolean> {
  try {
    const r = await (schema as unknown as { safeParseAsync: (v: unknown) => Promise<{ success: boolean }> }).safeParseAsync(value)
    return !r.success
  } catch {
    return true
  }
}

function shuffle<T>(items: T[], rand: () => number): T[] {
  const a = [...items]
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[a[i], a[j]] = [a[j], a[i]]
  }
  return a
}

function describe(value: unknown): string {
  if (typeof value === "string") {
    return value.length > 40 ? `string(${value.length})` : JSON.stringify(value)
  }
  if (Array.isArray(value)) {
    return `array(${value.length})`
  }
  if (value && typeof value === "object") {
    return "object"
  }
  return String(value)
}

/**
 * Up to `count` bodies the schema rejects: each field in turn given a bad
 * value, each required field left out, extra fields, the wrong top-level
 * shape. Chosen reproducibly from `seed`.
 */
export async function bodyCases(schema: z.ZodType, { seed, count }: { seed: number; count: number }): Promise<BodyCase[]> {
  const rand = prng(seed)
  const shape = shapeOf(schema) ?? {}
  const base = (sample(schema) ?? {}) as Record<string, unknown>
  const candidates: BodyCase[] = []
  for (const [field, fieldSchema] of Object.entries(shape)) {
    for (const bad of shuffle(badValues(fieldSchema), rand).slice(0, 6)) {
      candidates.push({ name: `${field} = ${describe(bad)}`, body: { ...base, [field]: bad } })
    }
    if (!isOptional(fieldSchema)) {
      const { [field]: _left, ...rest } = base
      candidates.push({ name: `missing ${field}`, body: rest })
    }
    // A nested object's own fields get wrong values too.
    const inner = shapeOf(fieldSchema)
    if (inner) {
      const innerBase = (sample(fieldSchema) ?? {}) as Record<string, unknown>
      for (const [sub, subSchema] of Object.entries(inner)) {
        const bad = shuffle(badValues(subSchema), rand)[0]
        candidates.push({ name: `${field}.${sub} = ${describe(bad)}`, body: { ...base, [field]: { ...innerBase, [sub]: bad } } })
      }
    }
  }
  candidates.push(
    { name: "unknown extra field", body: { ...base, zz_unknown_field: "x" } },
    { name: "injection as a key", body: { ...base, "'; DROP TABLE customer; --": 1 } },
    { name: "array instead of object", body: [base] },
    { name: "empty array", body: [] },
    { name: "deeply nested", body: { ...base, zz_deep: deepObject(500) } },
    { name: "huge unknown field", body: { ...base, zz_huge: HUGE } }
  )
  const picked: BodyCase[] = []
  // The structural cases first (every route gets them), then a seeded pick of the field cases.
  const structural = candidates.slice(-6)
  const fields = shuffle(candidates.slice(0, -6), rand)
  for (const c of [...structural.slice(0, 3), ...fields, ...structural.slice(3)]) {
    if (picked.length >= count) {
      break
    }
    // Judged as it will arrive: what JSON keeps of it (no undefined, no prototype, own keys only).
    const sent = { ...c, body: JSON.parse(JSON.stringify(c.body)) as unknown }
    if (await rejects(schema, sent.body)) {
      picked.push(sent)
    }
  }
  return picked
}

/** Query values are strings; the bad values of a field as they would arrive in a URL. */
function queryBadValues(schema: unknown): string[] {
  const d = defOf(core(schema))
  const text = [...INJECTIONS, ...WEIRD_TEXT.filter((t) => t !== "\uD800"), "x".repeat(5000)]
  switch (d.type) {
    case "number":
    case "bigint":
      return ["-1", "-0.5", "1.5", "1e308", "9007199254740993", ...NAN_ISH, ...text]
    case "boolean":
      return ["yes", "2", "maybe", ...text]
    case "date":
      return ["not a date", "2024-13-45", "0000-00-00", "99999999999999999", ...text]
    default:
      return ["not_an_option", ...text]
  }
}

/**
 * Up to `count` query objects (string values, as a URL carries them) the
 * schema rejects: bad values per field, unknown parameters, arrays where one
 * value is expected.
 */
export async function queryCases(schema: z.ZodType, { seed, count }: { seed: number; count: number }): Promise<QueryCase[]> {
  const rand = prng(seed)
  const shape = shapeOf(schema) ?? {}
  const candidates: QueryCase[] = []
  for (const [field, fieldSchema] of Object.entries(shape)) {
    for (const bad of shuffle(queryBadValues(fieldSchema), rand).slice(0, 6)) {
      candidates.push({ name: `${field}=${describe(bad)}`, query: { [field]: bad } })
    }
    candidates.push({ name: `${field} twice`, query: { [field]: ["1", "'; DROP TABLE x; --"] } })
  }
  const structural: QueryCase[] = [
    { name: "unknown parameter", query: { zz_unknown: "1" } },
    { name: "injection as a key", query: { "' OR 1=1 --": "1" } },
  ]
  // Medusa refuses a key nested more than two levels before the schema sees it.
  const picked: QueryCase[] = [{ name: "three-level key", query: { "a.b.c": "1" } }]
  for (const c of [...structural, ...shuffle(candidates, rand)]) {
    if (picked.length >= count + 1) {
      break
    }
    if (await rejects(schema, normalize(c.query))) {
      picked.push(c)
    }
  }
  return picked
}

/** What Medusa's validateAndTransformQuery hands the schema for a parsed query (a lone array value is split on commas). */
function normalize(query: Record<string, string | string[]>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) && v.length === 1 ? v[0].split(",") : v]))
}

/** Junk query parameters for routes that declare none (they ignore them, as Medusa's own routes do). */
export const JUNK_QUERIES: QueryCase[] = [
  { name: "unknown parameter", query: { zz_unknown: "1" } },
  { name: "injection parameter", query: { q: "'; DROP TABLE customer; --", limit: "-1", offset: "NaN" } },
  { name: "three-level key", query: { "a.b.c": "1" } },
  { name: "huge parameter", query: { zz: "x".repeat(5000) } },
]

/** Raw bodies every body-taking route must refuse, whatever its schema. */
export const RAW_BODIES: { name: string; contentType: string; data: string }[] = [
  { name: "malformed JSON", contentType: "application/json", data: '{"a": ' },
  { name: "JSON with a trailing comma", contentType: "application/json", data: '{"a": 1,}' },
  { name: "JSON null", contentType: "application/json", data: "null" },
  { name: "JSON string", contentType: "application/json", data: '"hello"' },
  { name: "prototype pollution", contentType: "application/json", data: '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}' },
  { name: "XML body", contentType: "application/xml", data: "<a>1</a>" },
  { name: "plain text body", contentType: "text/plain", data: "hello" },
  { name: "wrong content type for JSON", contentType: "application/octet-stream", data: '{"a": 1}' },
]
