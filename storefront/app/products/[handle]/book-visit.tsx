"use client"

import { useActionState } from "react"
import { bookVisit, type BookingState } from "./actions"

const START: BookingState = { message: null, error: false }
const TIMES = Array.from({ length: 19 }, (_, i) => {
  const minutes = 10 * 60 + 30 + i * 30
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`
})

/** "See it in a branch": a visit or a video call at a half-hour slot, for the piece shown. */
export function BookVisit({ variantId, branches, today }: { variantId: string; branches: { id: string; name: string; hasIt: boolean }[]; today: string }) {
  const [state, action, pending] = useActionState(bookVisit, START)
  return (
    <form action={action} className="sign-in" aria-labelledby="book">
      <h2 id="book">See it in a branch</h2>
      {state.message && (
        <p role={state.error ? "alert" : "status"} className={state.error ? "error" : "notice"}>
          {state.message}
        </p>
      )}
      <input type="hidden" name="variant_id" value={variantId} />
      <label>
        Branch
        <select name="branch_id" defaultValue={branches.find((b) => b.hasIt)?.id}>
          {branches.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
              {b.hasIt ? " (has this piece)" : ""}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>How</legend>
        <label className="inline">
          <input type="radio" name="kind" value="visit" defaultChecked /> Visit the branch
        </label>
        <label className="inline">
          <input type="radio" name="kind" value="video_call" /> Video call
        </label>
      </fieldset>
      <label>
        Day
        <input type="date" name="day" min={today} required />
      </label>
      <label>
        Time (India time)
        <select name="time" defaultValue="11:00">
          {TIMES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={pending}>
        Book
      </button>
    </form>
  )
}
