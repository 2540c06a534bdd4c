import { translator } from "../../lib/i18n"

export default async function NotFound() {
  const t = await translator("NotFound")
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t.rich("text", { all: (chunks) => <a href="/products">{chunks}</a> })}</p>
    </>
  )
}
