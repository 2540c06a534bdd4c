import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { formatInr } from "../../../lib/money"
import { formatShopDay } from "../../../lib/occasions"
import { queueMessageWorkflow } from "../../messaging/workflows/queue-message"
import { recordSchemeInstalmentStep, type PaySchemeInstalmentInput } from "../steps/record-scheme-instalment"

/**
 * Takes a scheme's next instalment at the counter (cash, card or UPI), once per idempotency key, and sends
 * the customer the passbook line by SMS/WhatsApp through the outbox (once per instalment).
 */
export const paySchemeInstalmentWorkflow = createWorkflow("pay-scheme-instalment", (input: PaySchemeInstalmentInput) => {
  const taken = recordSchemeInstalmentStep(input)
  when("scheme-instalment-receipt", { taken }, ({ taken }) => taken.created).then(() => {
    queueMessageWorkflow.runAsStep({
      input: transform({ taken }, ({ taken }) => ({
        event: "scheme_instalment_received",
        customer_id: taken.card.customer_id,
        variables: {
          amount: formatInr(taken.instalment.amount_paise),
          scheme: taken.card.template_name,
          card_number: taken.card.number,
          paid_count: taken.paid_count,
          instalments: taken.card.instalments,
          paid_total: formatInr(taken.instalment.amount_paise * taken.paid_count),
          matures_on: formatShopDay(taken.card.matures_on),
        },
        idempotency_key: `scheme-instalment:${taken.instalment.id}:receipt`,
      })),
    })
  })
  return new WorkflowResponse(taken)
})
