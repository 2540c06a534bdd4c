"use client"

import { useActionState } from "react"
import { useTranslations } from "use-intl"
import { Answer, type FormAnswer } from "../../../../components/answer"
import { saveToWishlist } from "./actions"

const START: FormAnswer = { message: null, error: false }

/** "Save to wishlist" on a piece's page, answered in place. */
export function SaveToWishlist({ variantId }: { variantId: string }) {
  const t = useTranslations("Wishlist")
  const [state, action, pending] = useActionState(saveToWishlist, START)
  return (
    <form action={action} className="save-piece">
      <input type="hidden" name="variant_id" value={variantId} />
      <button type="submit" className="secondary" disabled={pending}>
        {t("save")}
      </button>
      <Answer state={state}>{!state.error && <> <a href="/account/wishlist">{t("see")}</a></>}</Answer>
    </form>
  )
}
