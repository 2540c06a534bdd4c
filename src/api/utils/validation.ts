import {
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => Promise<void> | void
type BodySchema = Parameters<typeof validateAndTransformBody>[0]
type QueryConfig = Parameters<typeof validateAndTransformQuery>[1]

/** What a validating middleware checks: the request part and its zod schema. */
export type ValidatorInfo =
  | { part: "body"; schema: z.ZodType }
  | { part: "query"; schema: z.ZodType; config: QueryConfig }
  /** A provider's form post (webhooks), validated by the route's own middleware. */
  | { part: "form"; schema: z.ZodType }

const registry = new WeakMap<object, ValidatorInfo>()

/** Records what `middleware` validates, so tooling (the bad-input fuzz suite) finds every route's schema. */
export function tagValidator<M extends object>(middleware: M, info: ValidatorInfo): M {
  registry.set(middleware, info)
  return middleware
}

/** The schema a middleware made by validateBody / validateQuery (or tagged) checks; undefined for others. */
export function validatorOf(middleware: unknown): ValidatorInfo | undefined {
  return typeof middleware === "function" ? registry.get(middleware) : undefined
}

/** Bodies Medusa parses (JSON, text, forms) or our upload middleware reads (multipart). */
const READABLE_BODIES = ["json", "text/*", "urlencoded", "multipart"]

function hasBody(req: MedusaRequest): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0
}

/**
 * Medusa's validateAndTransformBody, tagged with its schema. A body sent in a
 * type nothing reads (XML, octet-stream…) is answered 415 rather than being
 * taken for an empty one.
 */
export function validateBody(schema: BodySchema): Middleware {
  const inner = validateAndTransformBody(schema)
  const middleware: Middleware = (req, res, next) => {
    if (hasBody(req) && !req.is(READABLE_BODIES)) {
      res.status(415).json({ type: MedusaError.Types.INVALID_DATA, message: `Send the body as application/json (got ${req.get("content-type") ?? "no content type"})` })
      return
    }
    return inner(req, res, next)
  }
  // A schema factory (additional_data) is described by what it builds without extra fields.
  const described = (typeof schema === "function" ? schema(undefined) : schema) as z.ZodType
  return tagValidator(middleware, { part: "body", schema: described })
}

/**
 * Medusa's validateAndTransformQuery, tagged with its schema. A query Medusa
 * cannot even read (a key nested more than two levels, `a.b.c=1`) is the
 * caller's mistake: it is answered 400 like any other invalid query instead
 * of the 500 Medusa's handler gives its INVALID_ARGUMENT error.
 */
export function validateQuery(schema: z.ZodType, config: QueryConfig): Middleware {
  const inner = validateAndTransformQuery(schema, config)
  const middleware: Middleware = (req, res, next) =>
    inner(req, res, (err?: unknown) => {
      const e = err as { type?: string; message?: string } | undefined
      if (e?.type === MedusaError.Types.INVALID_ARGUMENT) {
        return next(new MedusaError(MedusaError.Types.INVALID_DATA, e.message ?? "Invalid query"))
      }
      return next(err as Error | undefined)
    })
  return tagValidator(middleware, { part: "query", schema, config })
}

/** The body of an action that takes no input: anything sent is a mistake and answered 400. */
export const NoBody = z.object({}).strict()

/**
 * Validates a provider's form post (webhooks) against `schema`, keeping the
 * fields we use (providers send many more, and add new ones without notice).
 */
export function validateProviderForm(schema: z.ZodType): Middleware {
  return tagValidator((req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const parsed = schema.safeParse(req.body ?? {})
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      res.status(400).json({ type: "invalid_data", message: `Invalid callback: ${issue.path.join(".") || "body"}: ${issue.message}` })
      return
    }
    req.validatedBody = parsed.data
    next()
  }, { part: "form", schema })
}
