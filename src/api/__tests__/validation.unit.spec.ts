import { z } from "@medusajs/framework/zod"
import { findNul } from "../utils/input-guards"
import { findParams } from "../utils/validators"
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

describe("findParams (Medusa's createFindParams with the list's bounds)", () => {
  const Query = findParams({ limit: 20, maxLimit: 100, maxOffset: 1000 }).extend({ q: z.string().optional() }).strict()
  const issue = (query: Record<string, unknown>) => {
    const parsed = Query.safeParse(query)
    return parsed.success ? undefined : parsed.error.issues[0].message
  }

  it("reads limit and offset from the query string, with the list's defaults", () => {
    expect(Query.parse({})).toEqual({ limit: 20, offset: 0 })
    expect(Query.parse({ limit: "100", offset: "40", q: "ring" })).toEqual({ limit: 100, offset: 40, q: "ring" })
  })

  it("refuses a page outside the list's bounds, saying which", () => {
    expect(issue({ limit: "101" })).toBe("limit is at most 100")
    expect(issue({ limit: "0" })).toBe("limit is at least 1")
    expect(issue({ offset: "-1" })).toBe("offset cannot be negative")
    expect(issue({ offset: "1001" })).toBe("offset is at most 1000")
    expect(issue({ limit: "many" })).toBeDefined()
    expect(issue({ zz: "1" })).toBeDefined()
  })
})
