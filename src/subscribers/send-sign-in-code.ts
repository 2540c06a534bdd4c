import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { drainMessages } from "../jobs/drain-messages"
import { SIGN_IN_CODE_ISSUED, type SignInCodeIssued } from "../modules/auth-phone-otp/service"
import { MESSAGING_MODULE } from "../modules/messaging"
import type MessagingModuleService from "../modules/messaging/service"
import { sendSignInCodeWorkflow } from "../workflows/auth"

/**
 * Sends a sign-in code as soon as it is issued: queued in the outbox like
 * every message, then that message is sent at once rather than by the
 * every-minute job, since the customer is waiting for it (not the outbox's
 * first batch: with a campaign queued, the code would wait behind it). Outside
 * production, a code that no SMS or WhatsApp provider could take is written
 * to the log, so the demo shop can be signed in to.
 */
export default async function sendSignInCode({ event, container }: SubscriberArgs<SignInCodeIssued>) {
  const { result } = await sendSignInCodeWorkflow(container).run({ input: event.data })
  await drainMessages(container, { maxBatches: 1, only: [result.message.id] })
  if (process.env.NODE_ENV === "production") {
    return
  }
  const [message] = await container.resolve<MessagingModuleService>(MESSAGING_MODULE).listMessages({ id: result.message.id }, { select: ["status"] })
  if (message?.status === "not_sent") {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Sign-in code for ${event.data.phone}: ${event.data.code} (no ${event.data.channel} provider is set up; shown outside production only)`)
  }
}

export const config: SubscriberConfig = {
  event: SIGN_IN_CODE_ISSUED,
  context: { subscriberId: "send-sign-in-code" },
}
