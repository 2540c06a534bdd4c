import { ContentList, sectionMetadata } from "../../../components/content"
import { guides } from "../../../lib/cms"
import { currentLocale, translator } from "../../../lib/i18n"
import { formatDay } from "../../../lib/language"

export const dynamic = "force-dynamic"

export const generateMetadata = () => sectionMetadata("guides")

export default async function Guides() {
  const [t, locale, entries] = await Promise.all([translator("Content"), currentLocale(), guides()])
  return (
    <ContentList
      title={t("guides")}
      description={t("guidesDescription")}
      empty={t("nothingYet")}
      entries={entries.map((guide) => ({
        key: guide.id,
        href: `/guides/${guide.slug}`,
        title: guide.title,
        summary: guide.summary,
        extra: <p className="muted">{t("publishedOn", { date: formatDay(guide.publishedOn, locale) })}</p>,
      }))}
    />
  )
}
