import type { AfterErrorHook } from "payload"

/**
 * A refused save's field messages ("Use a path on the shop …") in the CMS's
 * answer. Payload writes them in its error's `data`, but in a production
 * build its error formatting loses them (it recognises its ValidationError by
 * class, and the built app holds more than one copy of that class), leaving
 * only "The following field is invalid: Link": the editor would not see why.
 * Only refusals (4xx) are rewritten; a server error keeps Payload's answer.
 */
export const keepFieldErrors: AfterErrorHook = ({ error }) => {
  const { data, status, message } = error as Error & { data?: Record<string, unknown>; status?: number }
  if (!data || !status || status < 400 || status >= 500) {
    return undefined
  }
  return { response: { errors: [{ name: "ValidationError", data, message }] } }
}
