"use client"

import { useActionState } from "react"
import { signIn, type SignInState } from "./actions"

const START: SignInState = { step: "phone", phone: "", channel: "sms", message: null, error: false }

export function SignInForm() {
  const [state, action, pending] = useActionState(signIn, START)
  return (
    <form action={action} className="sign-in" aria-busy={pending}>
      {state.message && (
        <p role={state.error ? "alert" : "status"} className={state.error ? "error" : "notice"}>
          {state.message}
        </p>
      )}
      {state.step === "phone" && (
        <>
          <label>
            Mobile number
            <input name="phone" type="tel" inputMode="tel" autoComplete="tel" required defaultValue={state.phone} placeholder="98200 12345" />
          </label>
          <fieldset>
            <legend>Send the code by</legend>
            <label className="inline">
              <input type="radio" name="channel" value="sms" defaultChecked={state.channel === "sms"} /> SMS
            </label>
            <label className="inline">
              <input type="radio" name="channel" value="whatsapp" defaultChecked={state.channel === "whatsapp"} /> WhatsApp
            </label>
          </fieldset>
          <button type="submit" name="intent" value="send" disabled={pending}>
            Send me a code
          </button>
        </>
      )}
      {state.step === "code" && (
        <>
          <input type="hidden" name="phone" value={state.phone} />
          <input type="hidden" name="channel" value={state.channel} />
          <label>
            The 6-digit code
            <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required />
          </label>
          <button type="submit" name="intent" value="verify" disabled={pending}>
            Sign in
          </button>
          <button type="submit" name="intent" value="resend" formNoValidate className="secondary" disabled={pending}>
            Send a new code
          </button>
        </>
      )}
      {state.step === "name" && (
        <>
          <input type="hidden" name="phone" value={state.phone} />
          <label>
            First name
            <input name="first_name" autoComplete="given-name" required />
          </label>
          <label>
            Last name
            <input name="last_name" autoComplete="family-name" />
          </label>
          <label>
            Email (optional, for invoices by email)
            <input name="email" type="email" autoComplete="email" />
          </label>
          <button type="submit" name="intent" value="name" disabled={pending}>
            Open my account
          </button>
        </>
      )}
    </form>
  )
}
