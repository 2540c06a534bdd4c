import { ContentList, sectionMetadata } from "../../../components/content"
import { branchListings } from "../../../lib/cms"
import { translator } from "../../../lib/i18n"

export const dynamic = "force-dynamic"

export const generateMetadata = () => sectionMetadata("branches")

export default async function Branches() {
  const [t, listings] = await Promise.all([translator("Content"), branchListings()])
  return (
    <ContentList
      title={t("branches")}
      description={t("branchesDescription")}
      empty={t("nothingYet")}
      entries={listings.map((branch) => ({
        key: branch.code,
        href: `/branches/${encodeURIComponent(branch.code)}`,
        title: branch.name,
        summary: branch.address,
        extra: branch.page?.hours ? <p className="muted address">{branch.page.hours}</p> : undefined,
      }))}
    />
  )
}
