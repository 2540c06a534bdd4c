import type { Metadata, Viewport } from "next"
import type { ReactNode } from "react"
import "./globals.css"
import { Intl } from "../../components/intl"
import { LanguageSwitch } from "../../components/language-switch"
import { ServiceWorker } from "../../components/service-worker"
import { currentLocale, translator } from "../../lib/i18n"
import { claimsOf, sessionToken } from "../../lib/session"
import { shopName } from "../../lib/shop"
import { clientMessages } from "../../messages"

export async function generateMetadata(): Promise<Metadata> {
  const [shop, t] = await Promise.all([shopName(), translator("Site")])
  return {
    title: { default: t("title", { shop }), template: `%s · ${shop}` },
    description: t("description", { shop }),
  }
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#8a5a00" }

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [shop, token, locale, t, content] = await Promise.all([shopName(), sessionToken(), currentLocale(), translator("Site"), translator("Content")])
  const signedIn = !!token && !!claimsOf(token)?.actor_id
  return (
    <html lang={locale}>
      <body>
        <a className="skip" href="#content">
          {t("skip")}
        </a>
        <header className="site">
          <a className="brand" href="/">
            {shop}
          </a>
          <nav aria-label={t("nav.label")}>
            <a href="/products">{t("nav.jewellery")}</a>
            <a href="/#rates">{t("nav.rates")}</a>
            <a href="/size-guide">{t("nav.sizeGuide")}</a>
            {signedIn ? <a href="/account">{t("nav.account")}</a> : <a href="/sign-in">{t("nav.signIn")}</a>}
            <a href="/cart">{t("nav.bag")}</a>
            <LanguageSwitch current={locale} label={t("language")} />
          </nav>
        </header>
        <Intl locale={locale} messages={clientMessages(locale)}>
          <main id="content">{children}</main>
        </Intl>
        <ServiceWorker />
        <footer className="site">
          <nav aria-label={content("nav")}>
            <a href="/branches">{content("branches")}</a>
            <a href="/lookbook">{content("lookbook")}</a>
            <a href="/guides">{content("guides")}</a>
            <a href="/faq">{content("faq")}</a>
            <a href="/policies">{content("policies")}</a>
          </nav>
          {t("footer", { shop })}
        </footer>
      </body>
    </html>
  )
}
