import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CODE_TTL_MS } from "../../../lib/sign-in-codes"
import type { SignInCodeIssued } from "../../../modules/auth-phone-otp/service"
import { prepareMessageStep } from "../../messaging/steps/prepare-message"
import { storeMessageStep } from "../../messaging/steps/store-message"
import { linkPhoneIdentityStep } from "../steps/link-phone-identity"

/**
 * Puts a sign-in code in the outbox for the number it was issued to, after
 * making the number's sign-in its customer's. Sent to the number, not the
 * customer: a code goes whatever the customer's message consents say,
 * because they asked for it. One message per code (keyed by its expiry).
 */
export const sendSignInCodeWorkflow = createWorkflow("send-sign-in-code", (input: SignInCodeIssued) => {
  linkPhoneIdentityStep({ auth_identity_id: input.auth_identity_id, phone: input.phone })
  const message = transform({ input }, ({ input }) => ({
    event: "sign_in_code",
    to: input.phone,
    channel: input.channel,
    language: input.language,
    variables: { code: input.code, minutes: Math.round(CODE_TTL_MS / 60_000) },
    idempotency_key: `sign-in-code:${input.auth_identity_id}:${input.expires_at}`,
  }))
  const prepared = prepareMessageStep(message)
  return new WorkflowResponse(storeMessageStep(prepared))
})
