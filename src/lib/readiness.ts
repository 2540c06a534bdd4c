/**
 * Readiness: whether this instance should be sent requests. It is ready when
 * every dependency it needs answers in time and it is not shutting down
 * (docs/deployment.md#health-and-shutdown). Liveness is Medusa's own /health:
 * the process is up; a database outage must not get every instance restarted.
 */

import { MedusaError } from "@medusajs/framework/utils"

export type CheckOutcome = { ok: true; ms: number } | { ok: false; ms: number; error: string } | { skipped: string }

export type Readiness = {
  status: 200 | 503
  body: { ready: boolean; draining: boolean; checks: Record<string, CheckOutcome> }
}

/** A dependency's answer within `timeoutMs`, or why not; never throws, never waits longer. */
export async function runCheck(probe: () => Promise<unknown>, timeoutMs: number, now: () => number = Date.now): Promise<CheckOutcome> {
  const started = now()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    await Promise.race([probe(), timeout])
    return { ok: true, ms: now() - started }
  } catch (err) {
    return { ok: false, ms: now() - started, error: err instanceof Error ? err.message : String(err) }
  } finally {
    clearTimeout(timer)
  }
}

/** 200 when no check failed and the instance is not draining; 503 otherwise, with the checks either way. */
export function readinessVerdict(checks: Record<string, CheckOutcome>, draining: boolean): Readiness {
  const failed = Object.values(checks).some((c) => "ok" in c && !c.ok)
  const ready = !failed && !draining
  return { status: ready ? 200 : 503, body: { ready, draining, checks } }
}

/** READINESS_TIMEOUT_MS: how long each check may take (default 2000; a probe's own timeout should be longer). */
export function readinessTimeoutMs(env: NodeJS.ProcessEnv): number {
  const raw = env.READINESS_TIMEOUT_MS
  if (raw === undefined || raw.trim() === "") {
    return 2000
  }
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1 || value > 60_000) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `READINESS_TIMEOUT_MS="${raw}" must be a whole number of milliseconds from 1 to 60000`)
  }
  return value
}

// Kept on the process, not the module: whichever copy of this module the route was loaded through, a
// SIGTERM seen by one is seen by all.
const DRAINING = Symbol.for("jewel-crm.draining")
type Flagged = typeof globalThis & { [DRAINING]?: boolean }

/** From SIGTERM on, readiness answers 503 while the requests in flight finish. */
export function markDraining(draining = true): void {
  ;(globalThis as Flagged)[DRAINING] = draining
}

export function isDraining(): boolean {
  return (globalThis as Flagged)[DRAINING] === true
}
