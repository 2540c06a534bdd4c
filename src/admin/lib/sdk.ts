import Medusa from "@medusajs/js-sdk"

/** The admin's API client: same origin as the dashboard, session auth. */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  debug: import.meta.env.DEV,
  auth: { type: "session" },
})
