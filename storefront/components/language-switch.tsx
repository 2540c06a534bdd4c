"use client"

import { usePathname } from "next/navigation"
import { LANGUAGE_NAMES, type Locale } from "../messages"

/** The other language, one button: the page comes back in it (app/language/route.ts). */
export function LanguageSwitch({ current, label }: { current: Locale; label: string }) {
  const path = usePathname()
  const other: Locale = current === "hi" ? "en" : "hi"
  return (
    <form method="post" action="/language" className="language" aria-label={label}>
      <input type="hidden" name="lang" value={other} />
      <input type="hidden" name="back" value={path ?? "/"} />
      <button type="submit" className="link" lang={other}>
        {LANGUAGE_NAMES[other]}
      </button>
    </form>
  )
}
