import { RichText as LexicalRichText, type JSXConvertersFunction } from "@payloadcms/richtext-lexical/react"
import { contentPath, safeHref } from "../lib/content"

type LinkFields = { url?: string | null; newTab?: boolean | null; linkType?: string | null; doc?: { relationTo?: string; value?: unknown } | null }

/** Links as the shop writes them: only safe addresses (lib/content.ts), links to CMS pages at their storefront paths. */
const converters: JSXConvertersFunction = ({ defaultConverters }) => {
  const link = ({ node, nodesToJSX }: { node: { fields: LinkFields; children: unknown[] }; nodesToJSX: (args: { nodes: unknown[] }) => React.ReactNode[] }) => {
    const { fields } = node
    const target = fields.doc?.value && typeof fields.doc.value === "object" ? contentPath(fields.doc.relationTo ?? "", fields.doc.value as { slug?: string; code?: string }) : undefined
    const href = fields.linkType === "internal" ? target : safeHref(fields.url)
    const children = nodesToJSX({ nodes: node.children })
    return href ? (
      <a href={href} {...(fields.newTab ? { target: "_blank", rel: "noopener noreferrer" } : {})}>
        {children}
      </a>
    ) : (
      <>{children}</>
    )
  }
  return { ...defaultConverters, link: link as never, autolink: link as never }
}

/** A CMS rich-text field on a shop page. */
export function RichText({ data }: { data: unknown }) {
  if (!data || typeof data !== "object") {
    return null
  }
  return <LexicalRichText className="prose" data={data as never} converters={converters} />
}
