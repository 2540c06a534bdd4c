/**
 * `npm run ml:evaluate` on the shop's own data: every recommender judged on
 * the last weeks' purchases (docs/preferences.md). launcher/ml-evaluate.ts
 * reads the options (`--weeks N`, `--k N`, `--json`) and passes them in
 * ML_EVALUATE_OPTIONS.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { evaluationOptions, type EvaluationOptions } from "../lib/preferences/cli"
import { evaluateItems, evaluationTable } from "../lib/preferences/evaluate"
import { readShopData } from "../workflows/preferences/utils/shop-interactions"

export default async function mlEvaluate({ container }: ExecArgs) {
  const options: EvaluationOptions = { ...evaluationOptions([]), ...(JSON.parse(process.env.ML_EVALUATE_OPTIONS ?? "{}") as Partial<EvaluationOptions>) }
  const { items, interactions } = await readShopData(container)
  const evaluation = evaluateItems(items, interactions, options)
  process.stdout.write(options.json ? `${JSON.stringify(evaluation, null, 2)}\n` : `${evaluationTable(evaluation)}\n`)
}
