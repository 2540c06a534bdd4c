import { timingSafeEqual } from "node:crypto"
import { z } from "@medusajs/framework/zod"

/**
 * Gupshup does not sign its callbacks; the callback URL set in Gupshup's
 * console carries a secret instead (`/hooks/gupshup?token=…`), compared in
 * constant time with the shop's GUPSHUP_WEBHOOK_SECRET.
 */
export function isValidCallbackToken(token: unknown, secret: string): boolean {
  const [a, b] = [Buffer.from(typeof token === "string" ? token : ""), Buffer.from(secret)]
  return a.length === b.length && timingSafeEqual(a, b)
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

/** The fields of a Gupshup callback the shop uses: a delivery event or an inbound message. */
export const GupshupCallbackBody = z.discriminatedUnion("type", [MessageEvent, InboundMessage])
export type GupshupCallbackBodyType = z.infer<typeof GupshupCallbackBody>
