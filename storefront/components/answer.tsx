import type { ReactNode } from "react"

/** What a form's server action answers: the shop's words, and whether they refuse. */
export type FormAnswer = { message: string | null; error: boolean }

/** A form's answer shown in place: a refusal as an alert, anything else as a status, for screen readers too. */
export function Answer({ state, children }: { state: FormAnswer; children?: ReactNode }) {
  return state.message ? (
    <p role={state.error ? "alert" : "status"} className={state.error ? "error" : "notice"}>
      {state.message}
      {children}
    </p>
  ) : null
}
