import type { Metadata } from "next"
import { translator } from "../../../lib/i18n"
import { BANGLE_SIZES, bangleDiameterMm, RING_SIZES, ringCircumferenceMm, ringDiameterMm } from "../../../lib/sizes"

export async function generateMetadata(): Promise<Metadata> {
  const t = await translator("SizeGuide")
  return { title: t("title"), description: t("description") }
}

export default async function SizeGuide() {
  const t = await translator("SizeGuide")
  const mm = (value: number | undefined) => t("mm", { value: value?.toFixed(1) ?? "" })
  return (
    <>
      <h1>{t("title")}</h1>
      <section aria-labelledby="rings">
        <h2 id="rings">{t("rings")}</h2>
        <p>{t("ringsHow")}</p>
        <table className="breakdown sizes" aria-label={t("ringSizes")}>
          <thead>
            <tr>
              <th scope="col">{t("indianSize")}</th>
              <th scope="col">{t("insideDiameter")}</th>
              <th scope="col">{t("circumference")}</th>
            </tr>
          </thead>
          <tbody>
            {RING_SIZES.map((size) => (
              <tr key={size}>
                <th scope="row">{size}</th>
                <td>{mm(ringDiameterMm(size))}</td>
                <td>{mm(ringCircumferenceMm(size))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="bangles">
        <h2 id="bangles">{t("bangles")}</h2>
        <p>{t("banglesHow")}</p>
        <table className="breakdown sizes" aria-label={t("bangleSizes")}>
          <thead>
            <tr>
              <th scope="col">{t("bangleSize")}</th>
              <th scope="col">{t("insideDiameter")}</th>
            </tr>
          </thead>
          <tbody>
            {BANGLE_SIZES.map((size) => (
              <tr key={size}>
                <th scope="row">{size}</th>
                <td>{mm(bangleDiameterMm(size))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p>{t("notSure")}</p>
    </>
  )
}
