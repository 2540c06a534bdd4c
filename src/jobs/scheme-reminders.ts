import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { formatInr } from "../lib/money"
import { formatShopDay } from "../lib/occasions"
import { istToday } from "../lib/pos"
import { addDays, daysBetween } from "../lib/savings-schemes"
import { SAVINGS_SCHEME_MODULE } from "../modules/savings-scheme"
import type SavingsSchemeModuleService from "../modules/savings-scheme/service"
import { queueMessageWorkflow } from "../workflows/messaging"

/** SCHEME_REMINDER_DAYS (default 3): how many days before an instalment is due the customer is reminded. */
function reminderDays(env: NodeJS.ProcessEnv = process.env): number {
  const days = Number(env.SCHEME_REMINDER_DAYS ?? 3)
  if (!Number.isInteger(days) || days < 1 || days > 27) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `SCHEME_REMINDER_DAYS must be 1 to 27, got "${env.SCHEME_REMINDER_DAYS}"`)
  }
  return days
}

/**
 * Reminds each running card's customer of the next instalment SCHEME_REMINDER_DAYS before it is due, and
 * tells them the day after its grace days ran out without it (the bonus is then lost); once per card and due
 * date each (keyed), through the outbox (consent and quiet hours apply). Returns how many were queued.
 */
export async function remindSchemeInstalments(container: MedusaContainer, today = istToday()): Promise<{ due: number; missed: number }> {
  const schemes: SavingsSchemeModuleService = container.resolve(SAVINGS_SCHEME_MODULE)
  const days = reminderDays()
  const counts = { due: 0, missed: 0 }
  for (const { enrolment: card, statement } of await schemes.runningCards(today)) {
    const next = statement.next_due_on
    if (!next) {
      continue
    }
    const untilDue = daysBetween(today, next)
    const event = untilDue === days ? "scheme_instalment_due" : daysBetween(addDays(next, card.terms.grace_days + 1), today) === 0 ? "scheme_instalment_missed" : null
    if (!event) {
      continue
    }
    await queueMessageWorkflow(container).run({
      input: {
        event,
        customer_id: card.customer_id,
        variables: { amount: formatInr(card.terms.instalment_paise), scheme: card.template_name, card_number: card.number, due_date: formatShopDay(next) },
        idempotency_key: `${event}:${card.id}:${next}`,
      },
    })
    counts[event === "scheme_instalment_due" ? "due" : "missed"] += 1
  }
  return counts
}

/** Every day at 10:15 IST (04:45 UTC), inside the hours messages may go out. */
export default async function schemeRemindersJob(container: MedusaContainer) {
  await remindSchemeInstalments(container)
}

export const config = {
  name: "scheme-reminders",
  schedule: "45 4 * * *",
}
