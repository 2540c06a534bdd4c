import type { Metadata } from "next"
import { translator } from "../../../lib/i18n"

export async function generateMetadata(): Promise<Metadata> {
  const t = await translator("Offline")
  return { title: t("title"), robots: { index: false } }
}

/** Shown by the service worker (public/sw.js) when a page cannot be reached. */
export default async function Offline() {
  const t = await translator("Offline")
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("text")}</p>
    </>
  )
}
