import type { CollectionConfig, Field, TextFieldSingleValidation } from "payload"
import { staffOnly } from "./access"

/** A page's address within its section: lower-case words joined by hyphens. */
const validSlug: TextFieldSingleValidation = (value) =>
  !value || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) ? true : "Use lower-case letters, digits and hyphens, e.g. how-to-read-a-hallmark"

export const slugField: Field = {
  name: "slug",
  type: "text",
  required: true,
  unique: true,
  index: true,
  validate: validSlug,
  admin: { position: "sidebar", description: "The page's address, e.g. /guides/how-to-read-a-hallmark" },
}

/**
 * A link a shopper may follow: a path on the storefront ("/products?metal=gold")
 * or an https address. Anything else (javascript:, data:, protocol-relative
 * "//host") is refused, so content cannot carry a script into the shop's pages.
 */
export const validLink: TextFieldSingleValidation = (value) => {
  if (!value) {
    return true
  }
  if (/^\/(?!\/)/.test(value)) {
    return true
  }
  try {
    return new URL(value).protocol === "https:" ? true : "Use a path on the shop (/products) or an https:// address"
  } catch {
    return "Use a path on the shop (/products) or an https:// address"
  }
}

/**
 * A content type the shop's pages show: edited by signed-in editors only
 * (cms/access.ts), with drafts (the last 20 versions kept), under "Content"
 * in the CMS's menu.
 */
export function contentCollection(config: Omit<CollectionConfig, "access" | "versions">): CollectionConfig {
  return { ...config, access: staffOnly, versions: { drafts: true, maxPerDoc: 20 }, admin: { group: "Content", ...config.admin } }
}
