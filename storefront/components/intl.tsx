"use client"

import type { ReactNode } from "react"
import { IntlProvider } from "use-intl"
import { TIME_ZONE } from "../lib/language"
import type { ClientMessages, Locale } from "../messages"

/** Gives the browser's own parts of the pages (forms answered in place) the shopper's language. */
export function Intl({ locale, messages, children }: { locale: Locale; messages: ClientMessages; children: ReactNode }) {
  return (
    <IntlProvider locale={locale} messages={messages} timeZone={TIME_ZONE}>
      {children}
    </IntlProvider>
  )
}
