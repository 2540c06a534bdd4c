/**
 * `npm run ml:train`: trains the preference model now on the shop's data,
 * prints its evaluation against the baselines and makes it current (the one
 * before is kept to roll back to; docs/preferences.md).
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { evaluationTable } from "../lib/preferences/evaluate"
import { trainPreferenceModelWorkflow } from "../workflows/preferences"

const seconds = (ms: number) => (ms / 1000).toFixed(1)

export default async function mlTrain({ container }: ExecArgs) {
  const { result } = await trainPreferenceModelWorkflow(container).run({ input: {} })
  process.stdout.write(
    `${result.evaluation ? evaluationTable(result.evaluation) : `Not evaluated: ${result.evaluation_skipped}`}\n` +
      `Model ${result.model_id} is current: ${result.customers} customers, ${result.designs} designs, ${result.interactions} interactions, ` +
      `${result.recommendations} recommendations stored, ${seconds(result.duration_ms)} s ` +
      `(read ${seconds(result.phases_ms.read)} s, evaluated, trained and scored ${seconds(result.phases_ms.train)} s, stored ${seconds(result.phases_ms.store)} s).\n`
  )
}
