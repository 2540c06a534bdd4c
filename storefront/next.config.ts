import type { NextConfig } from "next"

/**
 * The storefront is built once and told where the shop's API is when it
 * starts (MEDUSA_BACKEND_URL, MEDUSA_PUBLISHABLE_KEY: read on the server at
 * request time), so one build serves any shop.
 */
const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  images: { unoptimized: true },
}

export default config
