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

/** The BCP 47 tag used to write dates for a language (Indian English, Hindi). */
export const dateLocale = (locale: Locale) => (locale === "hi" ? "hi-IN" : "en-IN")
