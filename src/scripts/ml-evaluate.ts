/**
 * `npm run ml:evaluate` on the shop's own data: every recommender judged on
 * the last weeks' purchases (docs/preferences.md). launcher/ml-evaluate.ts
 * reads the options (`--weeks N`, `--k N`, `--json`) and passes them in
 * ML_EVALUATE_OPTIONS.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { evaluationOptions, type EvaluationOptions } from "../lib/preferences/cli"
import { evaluateItems, evaluationTable } from "../lib/preferences/evaluate"
import { readShopInteractions, readShopItems } from "../workflows/preferences/utils/shop-interactions"

export default async function mlEvaluate({ container }: ExecArgs) {
  const options: EvaluationOptions = { ...evaluationOptions([]), ...(JSON.parse(process.env.ML_EVALUATE_OPTIONS ?? "{}") as Partial<EvaluationOptions>) }
  const [items, interactions] = await Promise.all([readShopItems(container), readShopInteractions(container)])
  const known = new Set(items.map((i) => i.item_id))
  // A piece deleted since it was sold or asked about has no attributes left to learn from.
  const usable = interactions.filter((i) => known.has(i.item_id))
  const evaluation = evaluateItems(items, usable, options)
  process.stdout.write(options.json ? `${JSON.stringify(evaluation, null, 2)}\n` : `${evaluationTable(evaluation)}\n`)
}
