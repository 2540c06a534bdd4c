/**
 * The account's "About you" form as the shop's API takes it
 * (POST /store/customers/me/profile), pure: empty dates and sizes clear
 * them; metals and categories are the boxes ticked; a consent is sent only
 * when it changes, so the shop's record of when and where it was given
 * stays the first one.
 */
export const CONSENT_CHANNELS = ["sms", "whatsapp", "email", "rate_alerts"] as const
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number]
export const PROFILE_METALS = ["gold", "silver", "platinum"] as const
export const BUDGET_BANDS = ["under_25k", "from_25k_to_1l", "from_1l_to_5l", "above_5l"] as const

export type OwnProfile = {
  birthday: string | null
  anniversary: string | null
  ring_size: string | null
  bangle_size: string | null
  preferred_metals: string[] | null
  preferred_categories: string[] | null
  budget_band: string | null
  consents: Partial<Record<ConsentChannel, { status: "granted" | "revoked" } | null>> | null
}

export type ProfileUpdate = {
  birthday: string | null
  anniversary: string | null
  ring_size: string | null
  bangle_size: string | null
  preferred_metals: string[]
  preferred_categories: string[]
  budget_band: string | null
  consents?: Partial<Record<ConsentChannel, "granted" | "revoked">>
}

/** The form's fields, as FormData gives them. */
export type ProfileForm = { get(name: string): unknown; getAll(name: string): unknown[] }

const DAY = /^\d{4}-\d{2}-\d{2}$/
const field = (form: ProfileForm, name: string) => String(form.get(name) ?? "").trim()

/** A stored date-time as the date input shows it ("1990-05-04"). */
export const asDay = (value: string | null | undefined) => (value ? value.slice(0, 10) : "")

export function profileUpdate(form: ProfileForm, current: OwnProfile | null): ProfileUpdate {
  const day = (name: string) => (DAY.test(field(form, name)) ? field(form, name) : null)
  const chosen = (name: string, allowed?: readonly string[]) =>
    [...new Set(form.getAll(name).map((v) => String(v)).filter((v) => v && (!allowed || allowed.includes(v))))]
  const consents: Partial<Record<ConsentChannel, "granted" | "revoked">> = {}
  const ticked = new Set(chosen("consents", CONSENT_CHANNELS))
  for (const channel of CONSENT_CHANNELS) {
    const wanted = ticked.has(channel) ? "granted" : "revoked"
    const was = current?.consents?.[channel]?.status ?? "revoked"
    if (wanted !== was) {
      consents[channel] = wanted
    }
  }
  const budget = field(form, "budget_band")
  return {
    birthday: day("birthday"),
    anniversary: day("anniversary"),
    ring_size: field(form, "ring_size") || null,
    bangle_size: field(form, "bangle_size") || null,
    preferred_metals: chosen("preferred_metals", PROFILE_METALS),
    preferred_categories: chosen("preferred_categories"),
    budget_band: (BUDGET_BANDS as readonly string[]).includes(budget) ? budget : null,
    ...(Object.keys(consents).length ? { consents } : {}),
  }
}
