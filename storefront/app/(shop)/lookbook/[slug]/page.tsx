import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { Cover } from "../../../../components/content"
import { RichText } from "../../../../components/rich-text"
import { lookbook as findLookbook } from "../../../../lib/cms"
import { picture, safeHref } from "../../../../lib/content"
import { translator } from "../../../../lib/i18n"

export const dynamic = "force-dynamic"

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await findLookbook((await params).slug)
  return page ? { title: page.title, description: page.summary ?? undefined } : {}
}

export default async function LookbookPage({ params }: Props) {
  const [page, t] = await Promise.all([findLookbook((await params).slug), translator("Content")])
  if (!page) {
    notFound()
  }
  const shopLink = safeHref(page.shopLink)
  const gallery = (page.gallery ?? []).map((image) => picture(image, "card")).filter((image) => image !== undefined)
  return (
    <article>
      <p>
        <a href="/lookbook">{t("lookbook")}</a>
      </p>
      <h1>{page.title}</h1>
      <Cover image={page.cover} />
      <RichText data={page.body} />
      {gallery.length > 0 && (
        <ul className="gallery">
          {gallery.map((image) => (
            <li key={image.src}>
              <img src={image.src} alt={image.alt} width={640} height={480} loading="lazy" />
            </li>
          ))}
        </ul>
      )}
      {shopLink && (
        <p>
          <a href={shopLink}>
            {t("shopThis")}
          </a>
        </p>
      )}
    </article>
  )
}
