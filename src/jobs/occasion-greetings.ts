import type { MedusaContainer } from "@medusajs/framework/types"
import { queueMessageWorkflow } from "../workflows/messaging"
import { occasionsToday } from "../workflows/crm"

/**
 * Birthday and anniversary wishes to every customer whose day it is, once a
 * year per occasion (keyed), through the outbox: only with consent, within
 * the daily cap.
 */
export async function sendOccasionGreetings(container: MedusaContainer, now = new Date()): Promise<number> {
  const { today, occasions } = await occasionsToday(container, now)
  for (const { customer_id, kind } of occasions) {
    await queueMessageWorkflow(container).run({
      input: {
        event: kind === "birthday" ? "birthday_greeting" : "anniversary_greeting",
        customer_id,
        variables: {},
        idempotency_key: `${kind}-greeting:${customer_id}:${today.year}`,
      },
    })
  }
  return occasions.length
}

/** Every day at 09:30 IST (04:00 UTC), just after the quiet hours. */
export default async function occasionGreetingsJob(container: MedusaContainer) {
  await sendOccasionGreetings(container)
}

export const config = {
  name: "occasion-greetings",
  schedule: "0 4 * * *",
}
