"use client"

import { useActionState } from "react"
import { useTranslations } from "use-intl"
import { Answer } from "../../../components/answer"
import { signInByEmail, type EmailSignInState } from "./actions"

const START: EmailSignInState = { message: null, error: false, email: "" }

/**
 * Email and password, for customers who prefer them to a code on their
 * phone: signing in, or (`register`) opening an account with a name.
 */
export function EmailSignInForm({ register = false }: { register?: boolean }) {
  const t = useTranslations("SignIn.emailForm")
  const [state, action, pending] = useActionState(signInByEmail, START)
  return (
    <form action={action} className="sign-in" aria-label={register ? t("registerLabel") : t("label")}>
      {register && <h2>{t("registerLabel")}</h2>}
      <Answer state={state} />
      {register && (
        <label>
          {t("firstName")}
          <input name="first_name" autoComplete="given-name" required />
        </label>
      )}
      <label>
        {t("email")}
        <input name="email" type="email" autoComplete="email" required defaultValue={state.email} />
      </label>
      <label>
        {t("password")}
        <input name="password" type="password" autoComplete={register ? "new-password" : "current-password"} required minLength={8} />
      </label>
      <button type="submit" name="intent" value={register ? "register" : "login"} disabled={pending}>
        {register ? t("register") : t("signIn")}
      </button>
    </form>
  )
}
