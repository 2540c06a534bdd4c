import { MedusaError } from "@medusajs/framework/utils"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { jewelErrorHandler } from "../errors"

function answer(err: unknown): { status: number; body: Record<string, unknown> } {
  const sent = { status: 0, body: {} as Record<string, unknown> }
  const res = {
    status(code: number) {
      sent.status = code
      return res
    },
    json(body: Record<string, unknown>) {
      sent.body = body
      return res
    },
  } as unknown as MedusaResponse
  const req = { path: "/admin/draft-orders/x/edit", scope: { resolve: () => ({ warn: () => undefined, error: () => undefined }) } } as unknown as MedusaRequest
  jewelErrorHandler(err, req, res, (() => undefined) as MedusaNextFunction)
  return sent
}

describe("jewelErrorHandler", () => {
  it("answers a lock held past the wait 409 'try again', from the in-memory and the Redis locking module alike", () => {
    for (const err of [new Error("Timed-out acquiring lock."), new MedusaError(MedusaError.Types.CONFLICT, "Timed-out acquiring lock.")]) {
      expect(answer(err)).toEqual({ status: 409, body: { type: "conflict", message: "Another change to this record is under way; try again in a moment" } })
    }
  })

  it("answers a PostgreSQL data exception 400 with its reason", () => {
    const err = Object.assign(new Error("insert into x - value too long for type character varying(5)"), { code: "22001" })
    expect(answer(err)).toEqual({ status: 400, body: { type: "invalid_data", message: "A value in the request cannot be stored: value too long for type character varying(5)" } })
  })

  it("answers a database that cannot be reached 503 (a replica down, a pool timed out), not 500", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.9:5432"), { code: "ECONNREFUSED" })
    const poolTimeout = Object.assign(new Error("Knex: Timeout acquiring a connection."), { name: "KnexTimeoutError" })
    const shutDown = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })
    for (const err of [refused, poolTimeout, shutDown]) {
      expect(answer(err)).toEqual({ status: 503, body: { type: "unavailable", message: "A database or service this request needs cannot be reached just now; try again in a minute" } })
    }
  })
})
