import type { Call, CallListOptions, NewPiece } from "../../../lib/preferences/new-arrivals"

/** A call as the list stores it: the follow-up task made for it beside what to say. */
export type StoredCall = Call & { task_id: string }

export type NewArrivalListDTO = {
  id: string
  key: string
  since: Date | null
  until: Date | null
  model_id: string | null
  pieces: NewPiece[]
  calls: StoredCall[]
  created_by: string | null
  created_at: Date
}

export type CreateNewArrivalCallsInput = {
  /** One list per key: the day's list (`daily:2026-12-05`), or the caller's idempotency key. */
  key: string
  /** Pieces that came in within the window, or the pieces named. */
  since?: Date
  until?: Date
  variant_ids?: string[]
  options?: Partial<CallListOptions>
  actor_id?: string | null
}
