"use client"

import { useActionState } from "react"
import { useTranslations } from "use-intl"
import { Answer, type FormAnswer } from "../../../../components/answer"
import { bookVisit } from "./actions"

const START: FormAnswer = { message: null, error: false }
const TIMES = Array.from({ length: 19 }, (_, i) => {
  const minutes = 10 * 60 + 30 + i * 30
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`
})

/** "See it in a branch": a visit or a video call at a half-hour slot, for the piece shown. */
export function BookVisit({ variantId, branches, today }: { variantId: string; branches: { id: string; name: string; hasIt: boolean }[]; today: string }) {
  const [state, action, pending] = useActionState(bookVisit, START)
  const t = useTranslations("Book")
  return (
    <form action={action} className="sign-in" aria-labelledby="book">
      <h2 id="book">{t("title")}</h2>
      <Answer state={state} />
      <input type="hidden" name="variant_id" value={variantId} />
      <label>
        {t("branch")}
        <select name="branch_id" defaultValue={branches.find((b) => b.hasIt)?.id}>
          {branches.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
              {b.hasIt ? ` ${t("hasIt")}` : ""}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t("how")}</legend>
        <label className="inline">
          <input type="radio" name="kind" value="visit" defaultChecked /> {t("visit")}
        </label>
        <label className="inline">
          <input type="radio" name="kind" value="video_call" /> {t("videoCall")}
        </label>
      </fieldset>
      <label>
        {t("day")}
        <input type="date" name="day" min={today} required />
      </label>
      <label>
        {t("time")}
        <select name="time" defaultValue="11:00">
          {TIMES.map((time) => (
            <option key={time} value={time}>
              {time}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={pending}>
        {t("book")}
      </button>
    </form>
  )
}
