import { withPayload } from "@payloadcms/next/withPayload"
import type { NextConfig } from "next"

/**
 * The storefront is built once and told where the shop's API is when it
 * starts (MEDUSA_BACKEND_URL, MEDUSA_PUBLISHABLE_KEY: read on the server at
 * request time), so one build serves any shop. Payload's CMS (/cms) is
 * built into the same app.
 */
const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  images: { unoptimized: true },
}

const withCms = withPayload(config)
const cmsHeaders = withCms.headers

/**
 * Payload asks every page for the browser's colour scheme (Accept-CH and
 * Vary headers) for its admin's theme; only the admin needs it, so the shop's
 * pages are left without (their caching keys stay as they were).
 */
withCms.headers = async () =>
  ((await cmsHeaders?.()) ?? []).map((rule) => (rule.source === "/:path*" ? { ...rule, source: "/cms/:path*" } : rule))

export default withCms
