import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { Cover } from "../../../../components/content"
import { RichText } from "../../../../components/rich-text"
import { guide as findGuide } from "../../../../lib/cms"
import { currentLocale, translator } from "../../../../lib/i18n"
import { formatDay } from "../../../../lib/language"

export const dynamic = "force-dynamic"

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const guide = await findGuide((await params).slug)
  return guide ? { title: guide.title, description: guide.summary ?? undefined } : {}
}

export default async function Guide({ params }: Props) {
  const [guide, t, locale] = await Promise.all([findGuide((await params).slug), translator("Content"), currentLocale()])
  if (!guide) {
    notFound()
  }
  return (
    <article>
      <p>
        <a href="/guides">{t("guides")}</a>
      </p>
      <h1>{guide.title}</h1>
      <p className="muted">{t("publishedOn", { date: formatDay(guide.publishedOn, locale) })}</p>
      <Cover image={guide.cover} />
      <RichText data={guide.body} />
    </article>
  )
}
