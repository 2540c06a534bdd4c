"use client"

import { useActionState, type ReactNode } from "react"
import { useTranslations } from "use-intl"
import { BUDGET_BANDS, CONSENT_CHANNELS, type ConsentChannel } from "../../../../lib/profile"
import { Answer, type FormAnswer } from "../../../../components/answer"
import { saveProfile } from "./actions"

const START: FormAnswer = { message: null, error: false }

export type ProfileFormValues = {
  birthday: string
  anniversary: string
  ring_size: string
  bangle_size: string
  preferred_metals: string[]
  preferred_categories: string[]
  budget_band: string
  consents: ConsentChannel[]
}

type Option = { value: string; label: string }

/** A ring or bangle size, or "not sure". */
function SizeChoice({ label, name, value, sizes, notSure }: { label: string; name: string; value: string; sizes: string[]; notSure: string }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value}>
        <option value="">{notSure}</option>
        {sizes.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </label>
  )
}

/** Boxes to tick, any number of them, sent as one field with a value each. */
function Ticks({ legend, name, options, ticked, children }: { legend: string; name: string; options: Option[]; ticked: string[]; children?: ReactNode }) {
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="inline">
          <input type="checkbox" name={name} value={o.value} defaultChecked={ticked.includes(o.value)} /> {o.label}
        </label>
      ))}
      {children}
    </fieldset>
  )
}

/** "About you": occasions, sizes, likes and what the shop may send, saved in place. */
export function ProfileForm({ values, today, ringSizes, bangleSizes, metals, categories }: { values: ProfileFormValues; today: string; ringSizes: string[]; bangleSizes: string[]; metals: Option[]; categories: Option[] }) {
  const t = useTranslations("Profile")
  const [state, action, pending] = useActionState(saveProfile, START)
  return (
    <form action={action} className="sign-in" aria-label={t("title")}>
      <Answer state={state} />
      <label>
        {t("birthday")}
        <input type="date" name="birthday" max={today} defaultValue={values.birthday} />
      </label>
      <label>
        {t("anniversary")}
        <input type="date" name="anniversary" max={today} defaultValue={values.anniversary} />
      </label>
      <SizeChoice label={t("ringSize")} name="ring_size" value={values.ring_size} sizes={ringSizes} notSure={t("notSure")} />
      <SizeChoice label={t("bangleSize")} name="bangle_size" value={values.bangle_size} sizes={bangleSizes} notSure={t("notSure")} />
      <p className="muted">
        <a href="/size-guide">{t("sizeHelp")}</a>
      </p>
      <Ticks legend={t("metals")} name="preferred_metals" options={metals} ticked={values.preferred_metals} />
      {categories.length > 0 && <Ticks legend={t("categories")} name="preferred_categories" options={categories} ticked={values.preferred_categories} />}
      <label>
        {t("budget")}
        <select name="budget_band" defaultValue={values.budget_band}>
          <option value="">{t("budgetNone")}</option>
          {BUDGET_BANDS.map((b) => (
            <option key={b} value={b}>
              {t(`budgetBand.${b}`)}
            </option>
          ))}
        </select>
      </label>
      <Ticks legend={t("consents")} name="consents" options={CONSENT_CHANNELS.map((c) => ({ value: c, label: t(`consent.${c}`) }))} ticked={values.consents}>
        <p className="muted">{t("consentNote")}</p>
      </Ticks>
      <button type="submit" disabled={pending}>
        {t("save")}
      </button>
    </form>
  )
}
