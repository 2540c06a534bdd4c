import { cookies, headers } from "next/headers"
import { createTranslator } from "use-intl/core"
import { MESSAGES, type Locale, type Messages } from "../messages"
import type { MetalNames } from "./format"
import { negotiateLocale, LANGUAGE_COOKIE, TIME_ZONE } from "./language"

/** The shopper's language for this request (lib/language.ts says how it is chosen). */
export async function currentLocale(): Promise<Locale> {
  return negotiateLocale((await cookies()).get(LANGUAGE_COOKIE)?.value, (await headers()).get("accept-language"))
}

/** The text of one part of the storefront in the shopper's language: `t("key", {values})`. */
export async function translator<const Namespace extends keyof Messages>(namespace: Namespace) {
  const locale = await currentLocale()
  return createTranslator<Messages, Namespace>({ locale, messages: MESSAGES[locale], namespace, timeZone: TIME_ZONE })
}

/** The metals' names in the shopper's language, for lib/format.ts's purities and labels. */
export async function metalNames(): Promise<MetalNames> {
  const site = await translator("Site")
  return (metal) => site(`metal.${metal}`)
}
