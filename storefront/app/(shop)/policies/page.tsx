import { ContentList, sectionMetadata } from "../../../components/content"
import { policies } from "../../../lib/cms"
import { translator } from "../../../lib/i18n"

export const dynamic = "force-dynamic"

export const generateMetadata = () => sectionMetadata("policies")

export default async function Policies() {
  const [t, entries] = await Promise.all([translator("Content"), policies()])
  return (
    <ContentList
      title={t("policies")}
      description={t("policiesDescription")}
      empty={t("nothingYet")}
      entries={entries.map((policy) => ({ key: policy.id, href: `/policies/${policy.slug}`, title: policy.title, summary: policy.summary }))}
    />
  )
}
