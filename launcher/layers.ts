/**
 * Test layers run one after another in a slot (the redis layer, then the cluster layer), each layer's result kept
 * for the run's summary.
 */
import { LauncherError } from "./errors"

/** What a layer's run comes to, for the summary. */
export type LayerOutcome<L extends string> = {
  layer: L
  passed: number
  failed: number
  skipped: number
  exitCode: number
  seconds: number
  failures?: string[]
}

/**
 * Runs `layers` in turn. A layer that cannot run (its app never came up, a server it needs would not start) is a
 * failure in the summary with its reason, written to `write`, and the layers after it still run: one layer's
 * trouble must not hide what the others found.
 */
export async function runInTurn<L extends string, R extends { layer: string }>(
  layers: readonly L[],
  run: (layer: L) => Promise<R>,
  write: (text: string) => void
): Promise<(R | LayerOutcome<L>)[]> {
  const results: (R | LayerOutcome<L>)[] = []
  for (const layer of layers) {
    const started = Date.now()
    try {
      results.push(await run(layer))
    } catch (err) {
      const reason = err instanceof LauncherError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)
      write(`\n=== the ${layer} tests could not run ===\n${reason}\n`)
      results.push({ layer, passed: 0, failed: 1, skipped: 0, exitCode: 1, seconds: (Date.now() - started) / 1000, failures: [`could not run: ${reason.split("\n")[0]}`] })
    }
  }
  return results
}
