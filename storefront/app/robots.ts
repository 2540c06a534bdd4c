import type { MetadataRoute } from "next"

/** Search engines may read the shop's pages, not a shopper's own (bag, account, orders, sign-in). */
export default function robots(): MetadataRoute.Robots {
  return { rules: [{ userAgent: "*", allow: "/", disallow: ["/account", "/cart", "/order/", "/sign-in", "/sign-out"] }] }
}
