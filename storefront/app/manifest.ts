import type { MetadataRoute } from "next"
import { translator } from "../lib/i18n"
import { shopName } from "../lib/shop"

// The shop's name is read when the app is served (npm start passes it), not when it is built.
export const dynamic = "force-dynamic"

/** The web app manifest: the storefront installs on a phone's home screen like an app. */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const [name, t] = await Promise.all([shopName(), translator("Site")])
  return {
    name,
    short_name: name.split(" ").slice(0, 2).join(" "),
    description: t("manifestDescription", { shop: name }),
    start_url: "/",
    display: "standalone",
    background_color: "#fffdf9",
    theme_color: "#8a5a00",
    icons: [
      { src: "/icon/192", sizes: "192x192", type: "image/png" },
      { src: "/icon/512", sizes: "512x512", type: "image/png" },
      { src: "/icon/512", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  }
}
