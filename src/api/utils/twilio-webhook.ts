import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import twilio from "twilio"
import { tagValidator } from "../validation"

/**
 * The URL Twilio signed: PUBLIC_URL (the address Twilio is given, behind the
 * load balancer) and the path, else the address the request came to.
 */
function signedUrl(req: MedusaRequest): string {
  const base = process.env.PUBLIC_URL?.replace(/\/$/, "") ?? `${req.protocol}://${req.get("host")}`
  return `${base}${req.originalUrl}`
}

/** Lets a request through only with a valid X-Twilio-Signature (HMAC-SHA1 of URL and form fields with the auth token). */
export function verifyTwilioSignature(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const token = process.env.TWILIO_AUTH_TOKEN
  if (!token) {
    res.status(404).json({ type: "not_found", message: "Twilio is not configured on this shop" })
    return
  }
  const signature = req.get("x-twilio-signature")
  if (!signature) {
    res.status(403).json({ type: "not_allowed", message: "Missing X-Twilio-Signature" })
    return
  }
  const params = (req.body && typeof req.body === "object" ? req.body : {}) as Record<string, string>
  if (!twilio.validateRequest(token, signature, signedUrl(req), params)) {
    res.status(403).json({ type: "not_allowed", message: "Invalid X-Twilio-Signature" })
    return
  }
  next()
}

/**
 * Validates a provider's form post against `schema`, keeping the fields we
 * use (providers send many more, and add new ones without notice).
 */
export function validateProviderForm(schema: z.ZodType) {
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

export const TwilioStatusBody = z
  .object({
    MessageSid: z.string().min(1).max(64),
    MessageStatus: z.string().min(1).max(32),
    ErrorCode: z.string().max(16).optional(),
    ErrorMessage: z.string().max(1000).optional(),
  })
export type TwilioStatusBodyType = z.infer<typeof TwilioStatusBody>

export const TwilioInboundBody = z
  .object({
    From: z.string().min(1).max(64),
    Body: z.string().max(4000).default(""),
  })
export type TwilioInboundBodyType = z.infer<typeof TwilioInboundBody>
