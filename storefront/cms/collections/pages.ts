import type { Field } from "payload"
import { contentCollection, slugField, validLink } from "../fields"

const titled: Field[] = [
  { name: "title", type: "text", required: true, localized: true, maxLength: 160 },
  slugField,
  { name: "summary", type: "textarea", localized: true, maxLength: 300, admin: { description: "One or two lines for lists and search engines" } },
]

/** A collection or lookbook page: photos and words around a theme (/lookbook/<slug>). */
export const Lookbooks = contentCollection({
  slug: "lookbooks",
  labels: { singular: "Lookbook page", plural: "Lookbook pages" },
  admin: { useAsTitle: "title" },
  fields: [
    ...titled,
    { name: "cover", type: "upload", relationTo: "media" },
    { name: "body", type: "richText", localized: true },
    { name: "gallery", type: "upload", relationTo: "media", hasMany: true },
    { name: "shopLink", type: "text", validate: validLink, admin: { description: "The catalogue filtered to this collection, e.g. /products?occasion=wedding" } },
  ],
})

/** Guides and blog posts, e.g. "How to read a hallmark" (/guides/<slug>). */
export const Guides = contentCollection({
  slug: "guides",
  labels: { singular: "Guide", plural: "Guides" },
  defaultSort: "-publishedOn",
  admin: { useAsTitle: "title", defaultColumns: ["title", "_status", "publishedOn"] },
  fields: [
    ...titled,
    { name: "publishedOn", type: "date", required: true, defaultValue: () => new Date().toISOString(), admin: { position: "sidebar" } },
    { name: "cover", type: "upload", relationTo: "media" },
    // Not required: a guide given a Hindi title only shows its English text in Hindi until that is written.
    { name: "body", type: "richText", localized: true },
  ],
})

/** The shop's policies: returns, exchange and buy-back, old gold, privacy (/policies/<slug>). */
export const Policies = contentCollection({
  slug: "policies",
  labels: { singular: "Policy", plural: "Policies" },
  admin: { useAsTitle: "title" },
  fields: [...titled, { name: "body", type: "richText", localized: true }],
})
