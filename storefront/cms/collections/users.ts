import type { CollectionConfig } from "payload"
import { staffOnly } from "../access"

/** The people who edit the shop's website content (not the shop's staff in the Medusa admin). */
export const Users: CollectionConfig = {
  slug: "users",
  labels: { singular: "Editor", plural: "Editors" },
  auth: { maxLoginAttempts: 5, lockTime: 10 * 60 * 1000 },
  access: staffOnly,
  admin: { useAsTitle: "email", group: "Settings" },
  fields: [{ name: "name", type: "text" }],
}
