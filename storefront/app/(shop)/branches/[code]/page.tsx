import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { Cover } from "../../../../components/content"
import { RichText } from "../../../../components/rich-text"
import { branchListings } from "../../../../lib/cms"
import { safeHref } from "../../../../lib/content"
import { translator } from "../../../../lib/i18n"

export const dynamic = "force-dynamic"

type Props = { params: Promise<{ code: string }> }

async function findBranch(params: Props["params"]) {
  const code = decodeURIComponent((await params).code).toUpperCase()
  return (await branchListings()).find((branch) => branch.code.toUpperCase() === code)
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const branch = await findBranch(params)
  return branch ? { title: branch.name, description: branch.address.replace(/\n/g, ", ") } : {}
}

export default async function Branch({ params }: Props) {
  const [branch, t] = await Promise.all([findBranch(params), translator("Content")])
  if (!branch) {
    notFound()
  }
  const { page } = branch
  const map = safeHref(page?.mapLink)
  return (
    <article>
      <p>
        <a href="/branches">{t("branches")}</a>
      </p>
      <h1>{branch.name}</h1>
      <Cover image={page?.photo} />
      <dl className="facts">
        <dt>{t("address")}</dt>
        <dd className="address">{branch.address}</dd>
        {page?.hours && (
          <>
            <dt>{t("hours")}</dt>
            <dd className="address">{page.hours}</dd>
          </>
        )}
        {branch.phone && (
          <>
            <dt>{t("phone")}</dt>
            <dd>
              <a href={`tel:${branch.phone.replace(/[^+\d]/g, "")}`}>{branch.phone}</a>
            </dd>
          </>
        )}
      </dl>
      {map && (
        <p>
          <a href={map} rel="noopener noreferrer">
            {t("map")}
          </a>
        </p>
      )}
      <RichText data={page?.about} />
      <p>
        <a href={`/products?branch=${encodeURIComponent(branch.code)}`}>{t("branchStock")}</a>
      </p>
    </article>
  )
}
