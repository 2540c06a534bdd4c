import type { Metadata } from "next"
import type { ReactNode } from "react"
import { picture } from "../lib/content"
import { translator } from "../lib/i18n"

type Section = "guides" | "lookbook" | "branches" | "faq" | "policies"

/** A section's title and description for its list page's metadata, in the shopper's language. */
export async function sectionMetadata(section: Section): Promise<Metadata> {
  const t = await translator("Content")
  return { title: t(section), description: t(`${section}Description`) }
}

/** A list page of the CMS's content (guides, lookbook, policies, branches): a heading, a line, and the entries. */
export function ContentList({ title, description, empty, entries }: { title: string; description: string; empty: string; entries: { key: string | number; href: string; title: string; summary?: string | null; extra?: ReactNode }[] }) {
  return (
    <>
      <h1>{title}</h1>
      <p className="muted">{description}</p>
      {entries.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="content-list">
          {entries.map((entry) => (
            <li key={entry.key}>
              <h2>
                <a href={entry.href}>{entry.title}</a>
              </h2>
              {entry.summary && <p>{entry.summary}</p>}
              {entry.extra}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** A page's cover picture, when it has one. */
export function Cover({ image }: { image: unknown }) {
  const cover = picture(image, "wide")
  return cover ? <img className="cover" src={cover.src} alt={cover.alt} width={1600} height={600} /> : null
}
