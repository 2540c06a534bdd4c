/**
 * The storefront's reads of the CMS: published content only, in the
 * shopper's language (English where a text has no Hindi yet), through
 * Payload's Local API in this same server, so no request leaves the machine
 * and the CMS's own API stays closed to shoppers (cms/access.ts).
 */
import config from "@payload-config"
import { getPayload, type CollectionSlug, type Where } from "payload"
import { cache } from "react"
import type { Banner, BranchPage, Faq, Guide, Lookbook, Policy } from "../cms/payload-types"
import { branchDirectory, showingOn, type BranchListing } from "./content"
import { currentLocale } from "./i18n"
import { branches } from "./shop"

const PUBLISHED: Where = { _status: { equals: "published" } }

async function published<T>(collection: CollectionSlug, { where, sort, limit = 100 }: { where?: Where; sort?: string; limit?: number } = {}): Promise<T[]> {
  const [payload, locale] = await Promise.all([getPayload({ config }), currentLocale()])
  const { docs } = await payload.find({
    collection,
    where: where ? { and: [PUBLISHED, where] } : PUBLISHED,
    sort,
    limit,
    locale,
    fallbackLocale: "en",
    draft: false,
    depth: 1,
  })
  return docs as T[]
}

async function publishedBySlug<T>(collection: CollectionSlug, slug: string): Promise<T | undefined> {
  return (await published<T>(collection, { where: { slug: { equals: slug } }, limit: 1 }))[0]
}

/**
 * The banners shown today, in their order. The home page is the shop's
 * door: when the CMS cannot be read it shows without banners (the error is
 * logged) rather than not at all.
 */
export async function banners(now = Date.now()): Promise<Banner[]> {
  try {
    return (await published<Banner>("banners", { sort: "order" })).filter((banner) => showingOn(banner, now))
  } catch (err) {
    console.error("The CMS's banners could not be read:", err)
    return []
  }
}

export const guides = () => published<Guide>("guides", { sort: "-publishedOn" })
// A page's metadata and the page itself read the same document: cache() makes that one read per request.
export const guide = cache((slug: string) => publishedBySlug<Guide>("guides", slug))
export const lookbooks = () => published<Lookbook>("lookbooks", { sort: "title" })
export const lookbook = cache((slug: string) => publishedBySlug<Lookbook>("lookbooks", slug))
export const policies = () => published<Policy>("policies", { sort: "title" })
export const policy = cache((slug: string) => publishedBySlug<Policy>("policies", slug))
export const faqs = () => published<Faq>("faqs", { sort: "order" })
/** The shop's branches (Store API) with their website pages (CMS), in the shop's order (lib/content.ts); once per request. */
export const branchListings = cache(async (): Promise<BranchListing<BranchPage>[]> => {
  const [shopBranches, pages] = await Promise.all([branches(), published<BranchPage>("branch-pages", { sort: "order" })])
  return branchDirectory(shopBranches, pages)
})
