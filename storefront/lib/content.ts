/**
 * Rules for showing the CMS's content, kept apart from Payload so they can
 * be tested on their own (lib/__tests__/content.unit.spec.ts).
 */
import { indiaToday } from "./language"

type Dated = { startsOn?: string | null; endsOn?: string | null }

/** India's day of a stored date ("2026-12-07T18:30:00.000Z" is the 8th in India). */
const indiaDay = (value: string) => indiaToday(Date.parse(value))

/**
 * Whether a banner is shown on a day: from its first day to its last, both
 * days whole in India's time; an empty end shows it until it is removed.
 */
export function showingOn(banner: Dated, now = Date.now()): boolean {
  const today = indiaToday(now)
  if (banner.startsOn && indiaDay(banner.startsOn) > today) {
    return false
  }
  return !(banner.endsOn && indiaDay(banner.endsOn) < today)
}

type Upload = { url?: string | null; alt?: string | null; sizes?: Record<string, { url?: string | null } | undefined> | null }

/** A picture's address and text, or nothing when the upload was not loaded or lacks a file. */
export function picture(value: unknown, size?: string): { src: string; alt: string } | undefined {
  if (!value || typeof value !== "object") {
    return undefined
  }
  const upload = value as Upload
  const src = (size && upload.sizes?.[size]?.url) || upload.url
  return src ? { src, alt: upload.alt ?? "" } : undefined
}

/**
 * A link in the CMS's rich text as the shop's pages will write it: a path on
 * the shop, an https/http address, mailto: or tel:. Anything else (javascript:,
 * data:, "//elsewhere") becomes no link at all, whatever reached the database.
 */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) {
    return undefined
  }
  if (/^\/(?!\/)/.test(url) || url.startsWith("#")) {
    return url
  }
  try {
    return ["https:", "http:", "mailto:", "tel:"].includes(new URL(url).protocol) ? url : undefined
  } catch {
    return undefined
  }
}

/** Where a CMS document lives on the storefront, by its collection. */
export function contentPath(collection: string, doc: { slug?: string | null; code?: string | null }): string | undefined {
  switch (collection) {
    case "guides":
      return doc.slug ? `/guides/${doc.slug}` : undefined
    case "lookbooks":
      return doc.slug ? `/lookbook/${doc.slug}` : undefined
    case "policies":
      return doc.slug ? `/policies/${doc.slug}` : undefined
    case "branch-pages":
      return doc.code ? `/branches/${encodeURIComponent(doc.code)}` : undefined
    default:
      return undefined
  }
}

type BranchRecord = { code: string; name: string; address_1?: string | null; address_2?: string | null; city?: string | null; postal_code?: string | null; phone?: string | null }
type BranchWebPage = { code: string; name?: string | null; address?: string | null; phone?: string | null }

export type BranchListing<Page> = { code: string; name: string; address: string; phone?: string; page?: Page }

/**
 * The branches as the website shows them: every branch the shop sells from,
 * in the shop's order, with what its CMS page adds (a name or address written
 * there is shown instead of the shop's record). A CMS page for a code the
 * shop does not have is left out: there is no branch to visit.
 */
export function branchDirectory<Page extends BranchWebPage>(branches: BranchRecord[], pages: Page[]): BranchListing<Page>[] {
  return branches.map((branch) => {
    const page = pages.find((p) => p.code.toUpperCase() === branch.code.toUpperCase())
    const recorded = [branch.address_1, branch.address_2, [branch.city, branch.postal_code].filter(Boolean).join(" ")].filter(Boolean).join("\n")
    return {
      code: branch.code,
      name: page?.name || branch.name,
      address: page?.address || recorded,
      phone: page?.phone || branch.phone || undefined,
      page,
    }
  })
}
