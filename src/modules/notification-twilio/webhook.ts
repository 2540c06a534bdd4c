import { z } from "@medusajs/framework/zod"
import twilio from "twilio"

/**
 * The URL Twilio signed: PUBLIC_URL (the address Twilio is given, behind the
 * load balancer) and the path, else the address the request came to.
 */
export function twilioSignedUrl(publicUrl: string | undefined, requestOrigin: string, path: string): string {
  return `${publicUrl?.replace(/\/$/, "") ?? requestOrigin}${path}`
}

/** Whether X-Twilio-Signature is Twilio's (HMAC-SHA1 of the URL and form fields with the auth token). */
export function isValidTwilioSignature(authToken: string, signature: string, url: string, form: unknown): boolean {
  const params = (form && typeof form === "object" ? form : {}) as Record<string, string>
  return twilio.validateRequest(authToken, signature, url, params)
}

/** The fields of a message status callback the shop uses (Twilio sends many more). */
export const TwilioStatusBody = z.object({
  MessageSid: z.string().min(1).max(64),
  MessageStatus: z.string().min(1).max(32),
  ErrorCode: z.string().max(16).optional(),
  ErrorMessage: z.string().max(1000).optional(),
})
export type TwilioStatusBodyType = z.infer<typeof TwilioStatusBody>

/** The fields of an inbound message the shop uses. */
export const TwilioInboundBody = z.object({
  From: z.string().min(1).max(64),
  Body: z.string().max(4000).default(""),
})
export type TwilioInboundBodyType = z.infer<typeof TwilioInboundBody>
