import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { inboundIntent, type Channel } from "../../../lib/messaging"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { logInteractionWorkflow } from "../../crm/workflows/log-interaction"
import { updateCustomerProfileWorkflow } from "../../crm/workflows/update-customer-profile"
import { findCustomerByPhoneStep } from "../steps/find-customer-by-phone"
import { readConsentStatusStep } from "../steps/read-consent-status"

export type InboundMessageInput = { from: string; channel: Channel; body: string }

/**
 * A customer's reply: STOP (or "band karo") revokes consent for the channel
 * it came on, START grants it again; every reply from a known customer is
 * kept as an interaction in their history.
 */
export const handleInboundMessageWorkflow = createWorkflow("handle-inbound-message", (input: InboundMessageInput) => {
  const customerId = findCustomerByPhoneStep(transform({ input }, ({ input }) => ({ phone: input.from })))
  const intent = transform({ input }, ({ input }) => inboundIntent(input.body))
  when({ customerId, intent }, ({ customerId, intent }) => !!customerId && !!intent).then(() => {
    const previous = readConsentStatusStep(transform({ input, customerId }, ({ input, customerId }) => ({ customer_id: customerId!, channel: input.channel })))
    updateCustomerProfileWorkflow.runAsStep({
      input: transform({ input, customerId, intent }, ({ input, customerId, intent }) => ({
        customer_id: customerId!,
        update: {
          consents: { [input.channel]: { status: intent === "stop" ? "revoked" : "granted", at: new Date().toISOString(), source: `inbound ${input.channel} reply` } },
        },
      })),
    })
    // The customer changed their own consent by replying; a repeat of the same answer changes nothing and is not recorded.
    recordAuditStep({
      entries: transform({ input, customerId, intent, previous }, ({ input, customerId, intent, previous }) => {
        const status = intent === "stop" ? "revoked" : "granted"
        return previous === status
          ? []
          : [
              {
                actor_type: "customer",
                actor_id: customerId!,
                action: "customer.consent_changed",
                entity: "customer",
                entity_id: customerId!,
                changes: { [`consents.${input.channel}.status`]: { before: previous, after: status } },
                metadata: { source: `inbound ${input.channel} reply` },
              },
            ]
      }),
    })
  })
  when({ customerId }, ({ customerId }) => !!customerId).then(() => {
    logInteractionWorkflow.runAsStep({
      input: transform({ input, customerId, intent }, ({ input, customerId, intent }) => ({
        customer_id: customerId!,
        channel: input.channel,
        kind: (intent ? "feedback" : "enquiry") as "feedback" | "enquiry",
        summary:
          intent === "stop"
            ? `Replied "${input.body.trim()}": no more ${input.channel === "sms" ? "SMS" : "WhatsApp"} messages`
            : intent === "start"
              ? `Replied "${input.body.trim()}": ${input.channel === "sms" ? "SMS" : "WhatsApp"} messages welcome again`
              : input.body.trim().slice(0, 1000) || "(empty reply)",
      })),
    })
  })
  return new WorkflowResponse(transform({ customerId, intent }, ({ customerId, intent }) => ({ customer_id: customerId, intent })))
})
