import { ContentList, sectionMetadata } from "../../../components/content"
import { lookbooks } from "../../../lib/cms"
import { translator } from "../../../lib/i18n"

export const dynamic = "force-dynamic"

export const generateMetadata = () => sectionMetadata("lookbook")

export default async function Lookbook() {
  const [t, entries] = await Promise.all([translator("Content"), lookbooks()])
  return (
    <ContentList
      title={t("lookbook")}
      description={t("lookbookDescription")}
      empty={t("nothingYet")}
      entries={entries.map((page) => ({ key: page.id, href: `/lookbook/${page.slug}`, title: page.title, summary: page.summary }))}
    />
  )
}
