/**
 * `npm run messages:drain`: sends every due message in the outbox now
 * (instead of waiting for the minute job) and prints what happened as JSON.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { drainMessages } from "../jobs/drain-messages"

export default async function drainNow({ container }: ExecArgs) {
  const started = Date.now()
  const outcome = await drainMessages(container, { batch: 100 })
  process.stdout.write(`${JSON.stringify({ ...outcome, ms: Date.now() - started })}\n`)
}
