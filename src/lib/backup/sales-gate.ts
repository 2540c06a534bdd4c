/**
 * Counter sales whole in every backup (docs/operations.md, "What a backup
 * holds"). A counter sale is several workflow steps, each committed on its
 * own, so a snapshot taken in the middle of one would hold its order but not
 * yet its payments. The backup therefore closes a gate before it takes its
 * snapshot: a sale starting then waits at its first write (the claim of its
 * idempotency key) for the gate to open, and the backup takes its snapshot
 * only once no claimed sale is still being made — then opens the gate
 * again. The wait at the counter is the time the sales already under way
 * need to finish, about a second.
 *
 * The gate is a PostgreSQL advisory lock: the backup holds it exclusively,
 * a sale takes it shared for one statement (so sales never wait for each
 * other), asking again every GATE_POLL_MS while it is closed.
 */
export const SALES_GATE_LOCK = 7_302_118_402

export const GATE_POLL_MS = 25

/** Sales claimed longer ago than this and still not finished were interrupted (a crash): the backup does not wait for them. */
export const INTERRUPTED_SALE_MINUTES = 5

/** How long the backup waits for the sales under way before it takes its snapshot anyway. */
export const SALES_DRAIN_TIMEOUT_MS = 30_000
