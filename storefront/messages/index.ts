/**
 * The storefront's text in each of its languages, one JSON file a page or
 * part (messages/<locale>/<part>.json), in ICU message format as use-intl
 * reads it. English is the reference: every language has the same keys and
 * placeholders (lib/__tests__/messages.unit.spec.ts), and typecheck refuses
 * a language whose files do not match English's shape.
 */
import enSite from "./en/site.json"
import hiSite from "./hi/site.json"

const en = {
  Site: enSite,
}

export type Messages = typeof en

export const LOCALES = ["en", "hi"] as const
export type Locale = (typeof LOCALES)[number]

export const MESSAGES: Record<Locale, Messages> = {
  en,
  hi: {
    Site: hiSite,
  },
}

/** How each language names itself, for the language switch. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", hi: "हिन्दी" }
