import { timingSafeEqual } from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

/**
 * Gupshup does not sign its callbacks; the callback URL set in Gupshup's
 * console carries a secret instead (`/hooks/gupshup?token=…`), compared in
 * constant time with GUPSHUP_WEBHOOK_SECRET.
 */
export function verifyGupshupToken(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const secret = process.env.GUPSHUP_WEBHOOK_SECRET
  if (!secret) {
    res.status(404).json({ type: "not_found", message: "Gupshup callbacks are not configured on this shop" })
    return
  }
  const token = typeof req.query.token === "string" ? req.query.token : ""
  const [a, b] = [Buffer.from(token), Buffer.from(secret)]
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    res.status(403).json({ type: "not_allowed", message: "Invalid Gupshup callback token" })
    return
  }
  next()
}

const MessageEvent = z.object({
  type: z.literal("message-event"),
  payload: z.object({
    id: z.string().min(1).max(100),
    /** Gupshup's id of the message we sent, on events after "enqueued". */
    gsId: z.string().min(1).max(100).optional(),
    type: z.string().min(1).max(32),
    payload: z.object({ code: z.union([z.string(), z.number()]).optional(), reason: z.string().max(1000).optional() }).partial().optional(),
  }),
})

const InboundMessage = z.object({
  type: z.literal("message"),
  payload: z.object({
    source: z.string().min(1).max(32),
    type: z.string().max(32),
    payload: z.object({ text: z.string().max(4000).optional() }).partial().optional(),
  }),
})

export const GupshupCallbackBody = z.discriminatedUnion("type", [MessageEvent, InboundMessage])
export type GupshupCallbackBodyType = z.infer<typeof GupshupCallbackBody>
