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
})
