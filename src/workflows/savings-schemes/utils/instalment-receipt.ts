import { formatInr } from "../../../lib/money"
import { formatShopDay } from "../../../lib/occasions"
import type { InstalmentTaken } from "../../../modules/savings-scheme/service"
import type { QueueMessageInput } from "../../messaging/workflows/queue-message"

/** The passbook line a customer gets for an instalment, however it was paid (once per instalment). */
export function instalmentReceipt(taken: InstalmentTaken): QueueMessageInput {
  return {
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
  }
}
