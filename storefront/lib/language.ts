import Negotiator from "negotiator"
import { LOCALES, type Locale } from "../messages"

/**
 * Choosing the shopper's language, pure: the one they chose with the switch
 * in the header (a cookie), else the first of English and Hindi their
 * browser asks for, else English. Pages have one address in every language,
 * so a shared link opens in the reader's own.
 */
export const LANGUAGE_COOKIE = "jewel_lang"

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale)

export function negotiateLocale(chosen: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(chosen)) {
    return chosen
  }
  const asked = new Negotiator({ headers: { "accept-language": acceptLanguage ?? "" } }).language([...LOCALES])
  return isLocale(asked) ? asked : "en"
}

/**
 * A path of this site to go back to after the switch: the page it was used
 * on (the Referer, when it names this site's host as the browser reached
 * it), else the path the form sent; never another site.
 */
export function pathBack(referer: string | null, host: string | null, fallback: string): string {
  if (referer && host) {
    try {
      const from = new URL(referer)
      if (from.host === host) {
        return `${from.pathname}${from.search}`
      }
    } catch {
      // not an address: use the fallback
    }
  }
  return fallback.startsWith("/") && !fallback.startsWith("//") && !fallback.startsWith("/\\") ? fallback : "/"
}

/** The shop's time zone: dates and times are India's wherever the shopper or the server is. */
export const TIME_ZONE = "Asia/Kolkata"

/** The BCP 47 tag used to write dates for a language (Indian English, Hindi). */
export const dateLocale = (locale: Locale) => (locale === "hi" ? "hi-IN" : "en-IN")

/**
 * A day as the shopper reads it ("4 Dec 2026", "4 दिस॰ 2026"), in India's time. A calendar day
 * ("2026-12-04", as scheme schedules give them) is that day in India.
 */
export function formatDay(value: string, locale: Locale): string {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+05:30` : value
  return new Date(instant).toLocaleDateString(dateLocale(locale), { timeZone: TIME_ZONE, day: "numeric", month: "short", year: "numeric" })
}

/** Today's date in India, as a date input takes it ("2026-12-04"). */
export const indiaToday = (now = Date.now()) => new Date(now + 330 * 60_000).toISOString().slice(0, 10)
