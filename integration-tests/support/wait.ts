/**
 * Waiting in tests for the thing itself rather than for a fixed time: a row,
 * a status, the end of the subscriber runs an event set off. Every wait has a
 * deadline and, when it passes, fails the test saying what never happened.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
// Not re-exported by the package index; the runner uses the same function after each test.
import { waitWorkflowExecutions } from "@medusajs/test-utils/dist/medusa-test-runner-utils/wait-workflow-executions"

/**
 * Long enough for a two-core machine saturated by the whole run (the http layer beside the modules, redis and e2e
 * layers: an order's event has ten subscribers, an invoice PDF among them, and once took over 30 s to earn its
 * points), short of jest's per-test timeouts (180 s and more).
 */
const DEFAULT_TIMEOUT_MS = 60_000

/** The longest an event emitted with a delay waits in the tests (see trackSubscribers). */
const TEST_EVENT_DELAY_MS = 250

type WaitOptions = { timeout?: number; interval?: number }

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Calls `probe` until it returns something truthy and returns that; after
 * `timeout` ms throws "Timed out … waiting for <what>" with the last value or
 * error seen.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  { timeout = DEFAULT_TIMEOUT_MS, interval = 50 }: WaitOptions = {}
): Promise<T> {
  const deadline = Date.now() + timeout
  let last: unknown
  for (;;) {
    try {
      const value = await probe()
      if (value) {
        return value
      }
      last = value
    } catch (err) {
      last = err
    }
    if (Date.now() >= deadline) {
      const seen = last instanceof Error ? `last error: ${last.message}` : `last value: ${JSON.stringify(last)}`
      throw new Error(`Timed out after ${timeout} ms waiting for ${what} (${seen})`)
    }
    await tick(interval)
  }
}

type Emitter = {
  rawListeners: (name: string | symbol) => ((...args: unknown[]) => unknown)[]
  emit: (name: string | symbol, ...args: unknown[]) => boolean
}
type EventData = { options?: { delay?: number }; metadata?: { eventGroupId?: string } }
type LocalBus = { eventEmitter_?: Emitter; groupOrEmitEvent: (eventData: EventData) => Promise<void> }
type Tracker = { inFlight: number }
const trackers = new WeakMap<object, Tracker>()

/**
 * Medusa's local event bus calls each subscriber and forgets the promise it
 * returns. Counting those promises (and the events still waiting out a
 * delay) is what lets a test wait until every subscriber run an event set
 * off has ended (and see that a replayed event changed nothing) without
 * guessing a time. Installed once per app by the
 * shared runner (runner.ts); a no-op on the Redis event bus.
 */
export function trackSubscribers(container: MedusaContainer): void {
  const bus = container.resolve(Modules.EVENT_BUS) as unknown as LocalBus
  const emitter = bus.eventEmitter_
  if (!emitter || trackers.has(emitter)) {
    return
  }
  const tracker: Tracker = { inFlight: 0 }
  trackers.set(emitter, tracker)
  // An event emitted with a delay (Medusa's payment webhooks wait 5 s) counts as in flight from the emit on.
  // The delay only lets the request that set it off finish first; a test keeps that order at a fraction of the wait.
  const groupOrEmit = bus.groupOrEmitEvent.bind(bus)
  bus.groupOrEmitEvent = async (eventData) => {
    const delay = eventData.options?.delay
    if (!delay || eventData.metadata?.eventGroupId) {
      return groupOrEmit(eventData)
    }
    tracker.inFlight += 1
    setTimeout(() => {
      // Emitted now without the delay: its subscribers are counted before this count is given back.
      void groupOrEmit({ ...eventData, options: { ...eventData.options, delay: undefined } }).finally(() => (tracker.inFlight -= 1))
    }, Math.min(delay, TEST_EVENT_DELAY_MS))
  }
  const original = emitter.emit
  emitter.emit = function (name, ...args) {
    if (name === "error") {
      return original.call(this, name, ...args)
    }
    // What EventEmitter#emit does, keeping each listener's promise.
    const listeners = emitter.rawListeners(name)
    for (const listener of listeners) {
      const result = listener.apply(this, args)
      if (result && typeof (result as Promise<unknown>).then === "function") {
        tracker.inFlight += 1
        // The bus logs a subscriber's failure itself; here only its end counts.
        void (result as Promise<unknown>).finally(() => (tracker.inFlight -= 1)).catch(() => undefined)
      }
    }
    return listeners.length > 0
  }
}

/**
 * Waits until no subscriber run is in flight and no workflow execution is
 * running, twice in a row across a turn of the event loop (a subscriber that
 * ends may have emitted the next event). Needs `trackSubscribers`.
 */
export async function eventsSettled(container: MedusaContainer, { timeout = DEFAULT_TIMEOUT_MS }: WaitOptions = {}): Promise<void> {
  const bus = container.resolve(Modules.EVENT_BUS) as unknown as { eventEmitter_?: Emitter }
  const tracker = bus.eventEmitter_ && trackers.get(bus.eventEmitter_)
  if (!tracker) {
    throw new Error("eventsSettled needs the local event bus with trackSubscribers installed (shopIntegrationRunner does it)")
  }
  let quietTurns = 0
  await waitFor(
    "the subscribers and workflows set off to finish",
    async () => {
      await new Promise((resolve) => setImmediate(resolve))
      if (tracker.inFlight > 0) {
        quietTurns = 0
        return false
      }
      await waitWorkflowExecutions(container)
      quietTurns = tracker.inFlight === 0 ? quietTurns + 1 : 0
      return quietTurns >= 2
    },
    { timeout, interval: 10 }
  )
}

/**
 * The shop's day is India's (IST, UTC+5:30): a test that records something
 * before midnight there and reads "today's" figures after it reads another
 * day. Near that midnight, waits until the day has turned, so the set-up or
 * test that follows runs within one shop day. Far from it, returns at once.
 */
export async function clearOfShopMidnight(marginMs: number): Promise<void> {
  const istMs = Date.now() + IST_OFFSET_MS
  const toMidnight = DAY_MS - (istMs % DAY_MS)
  if (toMidnight > marginMs) {
    return
  }
  const day = Math.floor(istMs / DAY_MS)
  await waitFor("the shop's day to turn at midnight in India", () => Math.floor((Date.now() + IST_OFFSET_MS) / DAY_MS) > day, {
    timeout: marginMs + 10_000,
    interval: 200,
  })
}

const DAY_MS = 86_400_000
const IST_OFFSET_MS = 330 * 60_000

type StepState = { invoke?: { state?: string }; compensate?: { state?: string }; definition?: { action?: string } }
type Execution = { workflow_id: string; transaction_id: string; state: string; updated_at?: Date; execution?: { steps?: Record<string, StepState> } }

/**
 * The workflow executions that have not ended, one line each with the steps
 * caught between states (running or compensating): what a test that waited
 * in vain for a workflow's outcome prints beside its timeout.
 */
export async function unfinishedWorkflows(container: MedusaContainer): Promise<string[]> {
  const engine = container.resolve(Modules.WORKFLOW_ENGINE, { allowUnregistered: true }) as
    | { listWorkflowExecutions: (filters: unknown) => Promise<Execution[]> }
    | undefined
  if (!engine) {
    return []
  }
  const executions = await engine.listWorkflowExecutions({ state: { $nin: ["not_started", "done", "reverted", "failed"] } })
  return executions.map((e) => {
    const caught = Object.entries(e.execution?.steps ?? {})
      .filter(([id, s]) => id !== "_root" && !["not_started", "done", "dormant", "skipped", "skipped_failure"].includes(s.invoke?.state ?? ""))
      .map(([id, s]) => `${s.definition?.action ?? id} invoke=${s.invoke?.state} compensate=${s.compensate?.state}`)
    return `${e.workflow_id} ${e.transaction_id} ${e.state} (updated ${e.updated_at?.toISOString?.() ?? "?"}): ${caught.join("; ") || "no step caught"}`
  })
}

/**
 * Waits until no workflow execution is running, at most `timeout` ms; past it
 * throws naming each one still running and where it is caught. Medusa's
 * runner waits for the same after each test, but with no end and no word of
 * which execution it waits for.
 */
export async function workflowsFinished(container: MedusaContainer, { timeout = DEFAULT_TIMEOUT_MS }: WaitOptions = {}): Promise<void> {
  const deadline = Date.now() + timeout
  for (;;) {
    const running = await unfinishedWorkflows(container)
    if (!running.length) {
      return
    }
    if (Date.now() >= deadline) {
      throw new Error(`Workflow executions still running ${timeout} ms after the test:\n  ${running.join("\n  ")}`)
    }
    await tick(100)
  }
}
