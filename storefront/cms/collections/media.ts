import path from "node:path"
import type { CollectionConfig } from "payload"
import { staffOnly } from "../access"
import { cmsDataDir } from "../settings"

/**
 * Photos for banners and pages. Files are kept in the CMS's folder of the
 * shop's data (CMS_DATA_DIR/media) and served by the CMS to anyone who has
 * their address: they are published pictures.
 */
export const Media: CollectionConfig = {
  slug: "media",
  access: { ...staffOnly, read: () => true },
  admin: { group: "Content" },
  upload: {
    staticDir: path.join(cmsDataDir(), "media"),
    mimeTypes: ["image/jpeg", "image/png", "image/webp", "image/avif"],
    imageSizes: [
      { name: "card", width: 640, height: 480, position: "centre" },
      { name: "wide", width: 1600, height: 600, position: "centre" },
    ],
    adminThumbnail: "card",
  },
  fields: [{ name: "alt", type: "text", required: true, localized: true, admin: { description: "What the picture shows, for shoppers who cannot see it" } }],
}
