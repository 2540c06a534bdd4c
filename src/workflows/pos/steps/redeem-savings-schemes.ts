import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { istToday } from "../../../lib/pos"
import { SAVINGS_SCHEME_MODULE } from "../../../modules/savings-scheme"
import type SavingsSchemeModuleService from "../../../modules/savings-scheme/service"
import { schemeGoldRate } from "../../savings-schemes/utils/selling-rate"

export type RedeemSavingsSchemesInput = {
  sale_id: string
  branch_id: string
  customer_id: string
  tenders: { kind: string; amount_paise: number; reference?: string | null }[]
}

/**
 * A savings scheme pays for a sale through its card (src/modules/savings-scheme): each scheme tender names
 * the card's number and redeems it whole, for exactly what it is worth today, so a card pays once however
 * many counters try it at once. Undone by giving the card back.
 */
export const redeemSavingsSchemesStep = createStep(
  "redeem-savings-schemes",
  async (input: RedeemSavingsSchemesInput, { container }) => {
    const schemes: SavingsSchemeModuleService = container.resolve(SAVINGS_SCHEME_MODULE)
    const redeemed: { enrolment_id: string; sale_id: string }[] = []
    const numbers = input.tenders.filter((t) => t.kind === "scheme").map((t) => (t.reference ?? "").trim().toUpperCase())
    if (new Set(numbers).size < numbers.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "tenders: a scheme card pays once; the same card is named twice")
    }
    try {
      for (const tender of input.tenders.filter((t) => t.kind === "scheme")) {
        const number = (tender.reference ?? "").trim().toUpperCase()
        const [card] = await schemes.listSchemeEnrolments({ number }, { select: ["id", "terms"], take: 1 })
        const rate = card ? await schemeGoldRate(container, input.branch_id, card.terms as { kind: string; purity: number | null }) : null
        const { enrolment_id } = await schemes.redeem({ number, customer_id: input.customer_id, amount_paise: tender.amount_paise, sale_id: input.sale_id, today: istToday(), rate_per_g_paise: rate })
        redeemed.push({ enrolment_id, sale_id: input.sale_id })
      }
    } catch (err) {
      for (const r of redeemed) {
        await schemes.releaseRedemption(r)
      }
      throw err
    }
    return new StepResponse(redeemed, redeemed)
  },
  async (redeemed, { container }) => {
    const schemes: SavingsSchemeModuleService = container.resolve(SAVINGS_SCHEME_MODULE)
    for (const r of redeemed ?? []) {
      await schemes.releaseRedemption(r)
    }
  }
)
