import type { Metadata, Viewport } from "next"
import type { ReactNode } from "react"
import "./globals.css"
import { ServiceWorker } from "../components/service-worker"
import { claimsOf, sessionToken } from "../lib/session"
import { shopName } from "../lib/shop"

export async function generateMetadata(): Promise<Metadata> {
  const name = await shopName()
  return {
    title: { default: `${name} – gold, diamond and silver jewellery`, template: `%s · ${name}` },
    description: `Hallmarked jewellery from ${name}, priced at today's gold and silver rates with every charge shown.`,
  }
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#8a5a00" }

export default async function RootLayout({ children }: { children: ReactNode }) {
  const name = await shopName()
  const token = await sessionToken()
  const signedIn = !!token && !!claimsOf(token)?.actor_id
  return (
    <html lang="en">
      <body>
        <a className="skip" href="#content">
          Skip to content
        </a>
        <header className="site">
          <a className="brand" href="/">
            {name}
          </a>
          <nav aria-label="Main">
            <a href="/products">Jewellery</a>
            <a href="/#rates">Today&apos;s rates</a>
            <a href="/size-guide">Size guide</a>
            {signedIn ? <a href="/account">Your account</a> : <a href="/sign-in">Sign in</a>}
            <a href="/cart">Bag</a>
          </nav>
        </header>
        <main id="content">{children}</main>
        <ServiceWorker />
        <footer className="site">
          © {name}. BIS hallmarked gold; prices follow today&apos;s rates and include GST.
        </footer>
      </body>
    </html>
  )
}
