"use client"

import type { ReactNode } from "react"
import { IntlProvider } from "use-intl"
import type { Locale, Messages } from "../messages"

/** Gives the browser's own parts of the pages (forms answered in place) the shopper's language. */
export function Intl({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  return (
    <IntlProvider locale={locale} messages={messages} timeZone="Asia/Kolkata">
      {children}
    </IntlProvider>
  )
}
