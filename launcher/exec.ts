/**
 * `npm run seed`, `reprice`, `loyalty:verify`, `analytics:rebuild`, `messages:drain`: runs
 * `medusa exec SCRIPT` on the database `npm start` uses: DATABASE_URL, or the
 * embedded server with data in .data/pg (started for the script and stopped
 * after it, or the one a running `npm start` holds), with the install's
 * generated secrets. A database that cannot be reached, or has never been set
 * up, is said in one line; the script's own exit code is passed on.
 */
import path from "node:path"
import { LauncherError } from "./errors"
import { applyLocalSecrets, prepareDatabase } from "./local"
import { spawnMedusa, TRAINING_HEAP_MB } from "./medusa"
import { readShopState } from "./shop-state"

/** Scripts that run with a ceiling on the heap, by path. */
const HEAP_MB: Record<string, number> = { [path.normalize("./src/scripts/ml-train.ts")]: TRAINING_HEAP_MB }

async function main(): Promise<number> {
  const [script, ...args] = process.argv.slice(2)
  if (!script) {
    throw new LauncherError("usage: ts-node launcher/exec.ts ./src/scripts/SCRIPT.ts [arguments]")
  }
  const env: NodeJS.ProcessEnv = { ...process.env }
  applyLocalSecrets(env)
  // What the messages step prints goes to stderr: the script's own output stays clean for pipes.
  const { target, cluster } = await prepareDatabase(env, (message) => process.stderr.write(`jewel-crm: ${message}\n`))
  const stopDatabase = () => {
    if (cluster?.startedHere) {
      cluster.stop()
    }
  }
  try {
    const state = await readShopState(target)
    if (!state.migrated) {
      throw new LauncherError("The database has no tables yet: run `npm start` once first (it sets the database up).")
    }
  } catch (err) {
    stopDatabase()
    throw err
  }
  const child = spawnMedusa(["exec", script, ...args], env, undefined, { heapMb: HEAP_MB[path.normalize(script)] })
  // Ctrl-C reaches the script through the terminal; the database stops once it has ended.
  const ignore = () => undefined
  process.on("SIGINT", ignore)
  process.on("SIGTERM", () => child.kill("SIGTERM"))
  const code: number = await new Promise((resolve) => child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))))
  stopDatabase()
  return code
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(
      `jewel-crm: ${err instanceof LauncherError ? err.message : `unexpected error: ${err instanceof Error ? err.stack : String(err)}`}\n`
    )
    process.exit(1)
  }
)
