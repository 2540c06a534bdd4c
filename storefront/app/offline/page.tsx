import type { Metadata } from "next"

export const metadata: Metadata = { title: "You are offline", robots: { index: false } }

/** Shown by the service worker (public/sw.js) when a page cannot be reached. */
export default function Offline() {
  return (
    <>
      <h1>You are offline</h1>
      <p>Prices follow today&apos;s rates, so we show them only with a connection. Try again when you are back online.</p>
    </>
  )
}
