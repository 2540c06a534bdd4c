import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { RichText } from "../../../../components/rich-text"
import { policy as findPolicy } from "../../../../lib/cms"
import { translator } from "../../../../lib/i18n"

export const dynamic = "force-dynamic"

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const policy = await findPolicy((await params).slug)
  return policy ? { title: policy.title, description: policy.summary ?? undefined } : {}
}

export default async function Policy({ params }: Props) {
  const [policy, t] = await Promise.all([findPolicy((await params).slug), translator("Content")])
  if (!policy) {
    notFound()
  }
  return (
    <article>
      <p>
        <a href="/policies">{t("policies")}</a>
      </p>
      <h1>{policy.title}</h1>
      <RichText data={policy.body} />
    </article>
  )
}
