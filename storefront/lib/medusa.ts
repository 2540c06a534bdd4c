import Medusa from "@medusajs/js-sdk"

/**
 * The Store API as the storefront's server sees it. Where the shop is and
 * which publishable key sells its catalogue are read when a page is made,
 * not when the app is built: `npm start` passes them (launcher/storefront.ts).
 */
export function shopSettings() {
  const backendUrl = (process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/$/, "")
  const publishableKey = process.env.MEDUSA_PUBLISHABLE_KEY || ""
  return { backendUrl, publishableKey }
}

export function storeApi(): Medusa {
  const { backendUrl, publishableKey } = shopSettings()
  return new Medusa({ baseUrl: backendUrl, publishableKey, auth: { type: "jwt", jwtTokenStorageMethod: "nostore" } })
}
