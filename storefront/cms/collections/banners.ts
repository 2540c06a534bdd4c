import { contentCollection, validLink } from "../fields"

/** The home page's banners: shown when published and within their dates, in order. */
export const Banners = contentCollection({
  slug: "banners",
  defaultSort: "order",
  admin: { useAsTitle: "title", defaultColumns: ["title", "_status", "startsOn", "endsOn", "order"] },
  fields: [
    { name: "title", type: "text", required: true, localized: true, maxLength: 120 },
    { name: "text", type: "textarea", localized: true, maxLength: 400 },
    { name: "image", type: "upload", relationTo: "media" },
    {
      type: "row",
      fields: [
        { name: "link", type: "text", validate: validLink, admin: { description: "e.g. /products?occasion=wedding" } },
        { name: "linkLabel", type: "text", localized: true, maxLength: 60, admin: { description: "e.g. See the wedding collection" } },
      ],
    },
    {
      type: "row",
      fields: [
        { name: "startsOn", type: "date", admin: { description: "Shown from this day (empty: at once)" } },
        { name: "endsOn", type: "date", admin: { description: "Shown until this day (empty: until removed)" } },
        { name: "order", type: "number", defaultValue: 0, admin: { description: "Lower first" } },
      ],
    },
  ],
})
