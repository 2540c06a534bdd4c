"use client"

import { useActionState } from "react"
import { useTranslations } from "use-intl"
import { Answer } from "../../../components/answer"
import { signIn, type SignInState } from "./actions"

const START: SignInState = { step: "phone", phone: "", channel: "sms", message: null, error: false }

export function SignInForm() {
  const [state, action, pending] = useActionState(signIn, START)
  const t = useTranslations("SignIn")
  return (
    <form action={action} className="sign-in" aria-busy={pending}>
      <Answer state={state} />
      {state.step === "phone" && (
        <>
          <label>
            {t("phone")}
            <input name="phone" type="tel" inputMode="tel" autoComplete="tel" required defaultValue={state.phone} placeholder="98200 12345" />
          </label>
          <fieldset>
            <legend>{t("channel")}</legend>
            <label className="inline">
              <input type="radio" name="channel" value="sms" defaultChecked={state.channel === "sms"} /> SMS
            </label>
            <label className="inline">
              <input type="radio" name="channel" value="whatsapp" defaultChecked={state.channel === "whatsapp"} /> WhatsApp
            </label>
          </fieldset>
          <button type="submit" name="intent" value="send" disabled={pending}>
            {t("send")}
          </button>
        </>
      )}
      {state.step === "code" && (
        <>
          <input type="hidden" name="phone" value={state.phone} />
          <input type="hidden" name="channel" value={state.channel} />
          <label>
            {t("code")}
            <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required />
          </label>
          <button type="submit" name="intent" value="verify" disabled={pending}>
            {t("signIn")}
          </button>
          <button type="submit" name="intent" value="resend" formNoValidate className="secondary" disabled={pending}>
            {t("resend")}
          </button>
        </>
      )}
      {state.step === "name" && (
        <>
          <input type="hidden" name="phone" value={state.phone} />
          <label>
            {t("firstName")}
            <input name="first_name" autoComplete="given-name" required />
          </label>
          <label>
            {t("lastName")}
            <input name="last_name" autoComplete="family-name" />
          </label>
          <label>
            {t("email")}
            <input name="email" type="email" autoComplete="email" />
          </label>
          <button type="submit" name="intent" value="name" disabled={pending}>
            {t("open")}
          </button>
        </>
      )}
    </form>
  )
}
