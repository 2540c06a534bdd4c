import { contentCollection, validLink } from "../fields"

/**
 * What the website adds to a branch's page (/branches/<code>): opening hours,
 * a map link, a photo and a few words. The branch itself (name, address,
 * phone) comes from the shop's own record of it, found by `code`; a name or
 * address written here is shown instead, e.g. with a landmark.
 */
export const BranchPages = contentCollection({
  slug: "branch-pages",
  labels: { singular: "Branch page", plural: "Branch pages" },
  defaultSort: "order",
  admin: { useAsTitle: "code", defaultColumns: ["code", "name", "_status"] },
  fields: [
    {
      name: "code",
      type: "text",
      required: true,
      unique: true,
      validate: (value: string | null | undefined) => (!value || /^[A-Za-z0-9_-]{1,32}$/.test(value) ? true : "The branch's code in the shop, e.g. BLR"),
      admin: { position: "sidebar", description: "The branch's code in the shop, e.g. BLR" },
    },
    { name: "name", type: "text", localized: true, maxLength: 120, admin: { description: "Empty: the branch's name in the shop" } },
    { name: "address", type: "textarea", localized: true, maxLength: 500, admin: { description: "Empty: the branch's address in the shop" } },
    { name: "hours", type: "textarea", localized: true, maxLength: 300, admin: { description: "e.g. Mon–Sat 10:30–20:30, Sun 11:00–19:00" } },
    { name: "phone", type: "text", maxLength: 20, admin: { description: "Empty: the branch's phone in the shop" } },
    { name: "mapLink", type: "text", validate: validLink, admin: { description: "An https:// link to the branch on a map" } },
    { name: "photo", type: "upload", relationTo: "media" },
    { name: "about", type: "richText", localized: true },
    { name: "order", type: "number", defaultValue: 0, admin: { position: "sidebar" } },
  ],
})
