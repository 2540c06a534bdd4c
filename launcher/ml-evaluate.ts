/**
 * `npm run ml:evaluate`: the recommenders judged on a time-based hold-out
 * (docs/preferences.md). With `--interactions FILE --items FILE` on those
 * files alone, no database needed; without, on the shop's own data through
 * `medusa exec` (launcher/exec.ts: DATABASE_URL or the embedded server).
 */
import { spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { evaluationOptions } from "../src/lib/preferences/cli"
import { PreferenceDataError, readInteractionsCsv, readItemsCsv } from "../src/lib/preferences/data"
import { evaluateItems, evaluationTable } from "../src/lib/preferences/evaluate"

function main(): number {
  const args = process.argv.slice(2)
  const options = evaluationOptions(args)
  if (!options.interactions || !options.items) {
    const tsNode = require.resolve("ts-node/dist/bin")
    // Medusa's CLI would read the options as its own: they travel in the environment.
    const run = spawnSync(process.execPath, [tsNode, "--transpile-only", path.join(__dirname, "exec.ts"), "./src/scripts/ml-evaluate.ts"], {
      stdio: "inherit",
      env: { ...process.env, ML_EVALUATE_OPTIONS: JSON.stringify(options) },
    })
    return run.status ?? 1
  }
  const read = (file: string) => {
    try {
      return fs.readFileSync(file, "utf8")
    } catch (err) {
      throw new PreferenceDataError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
    }
  }
  const items = readItemsCsv(read(options.items), path.basename(options.items))
  const interactions = readInteractionsCsv(read(options.interactions), new Map(items.map((i) => [i.item_id, i])), path.basename(options.interactions))
  const evaluation = evaluateItems(items, interactions, options)
  process.stdout.write(options.json ? `${JSON.stringify(evaluation, null, 2)}\n` : `${evaluationTable(evaluation)}\n`)
  return 0
}

try {
  process.exit(main())
} catch (err) {
  process.stderr.write(`jewel-crm: ${err instanceof PreferenceDataError ? err.message : err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(err instanceof PreferenceDataError ? 2 : 1)
}
