import { randomUUID } from "node:crypto"
import { transform } from "@medusajs/framework/workflows-sdk"

/**
 * An owner for the locks one workflow run takes, for `acquireLockStep` and
 * `releaseLockStep` (`ownerId`). Without one every lock is owned by "*", and
 * with Redis locking a run that got one of its keys and not the other (a
 * bill's idempotency key, but not its customer, busy with another bill)
 * cannot take its own key back on the next try: it waits out the timeout and
 * fails, and the key stays locked for its whole TTL. Each run's own owner
 * makes the retry re-entrant and lets no run release another's lock.
 * The value is made once per run (a transform's result is kept with the run).
 */
export function runLockOwner() {
  return transform({}, () => `run_${randomUUID()}`)
}
