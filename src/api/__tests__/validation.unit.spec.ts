import { z } from "@medusajs/framework/zod"
import { findNul } from "../utils/input-guards"
import { NoBody, validateBody, validateQuery, validatorOf } from "../utils/validation"

describe("validateBody / validateQuery", () => {
  it("tag the middleware with its schema", () => {
    const Body = z.object({ a: z.string() }).strict()
    const Query = z.object({ limit: z.coerce.number().int() }).strict()
    expect(validatorOf(validateBody(Body))).toEqual({ part: "body", schema: Body })
    expect(validatorOf(validateQuery(Query, { isList: true }))).toEqual({ part: "query", schema: Query, config: { isList: true } })
    expect(validatorOf(() => undefined)).toBeUndefined()
    expect(validatorOf("not a middleware")).toBeUndefined()
  })

  it("NoBody refuses anything but an empty object", () => {
    expect(NoBody.safeParse({}).success).toBe(true)
    expect(NoBody.safeParse({ a: 1 }).success).toBe(false)
  })
})

describe("findNul", () => {
  it("names where a NUL character is, in values and keys, however deep", () => {
    expect(findNul({ a: "fine", b: ["ok", { c: "bad\u0000" }] })).toBe("b.1.c")
    expect(findNul({ ["k\u0000"]: 1 })).toBe("k\u0000")
    expect(findNul("x\u0000")).toBe("body")
    expect(findNul({ a: "💍 नमस्ते", b: 1, c: null })).toBeNull()
    expect(findNul(undefined)).toBeNull()
  })
})
