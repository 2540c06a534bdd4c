import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { checkOldGoldBuyingRatesStep } from "../steps/check-old-gold-buying-rates"
import { createOldGoldBuyingRatesStep } from "../steps/create-old-gold-buying-rates"

export type SetBuyingRatesInput = {
  rates: { metal: "gold" | "silver" | "platinum"; purity: number; rate_per_g_paise: number }[]
  /** Null: the rates hold for every branch without its own. */
  branch_id: string | null
  user_id: string | null
}

/** Publishes old-gold buying rates, in force from now (append-only history). */
export const setOldGoldBuyingRatesWorkflow = createWorkflow("set-old-gold-buying-rates", (input: SetBuyingRatesInput) => {
  const rows = transform({ input }, ({ input }) => {
    const now = new Date()
    return input.rates.map((r) => ({ ...r, branch_id: input.branch_id, effective_from: now, user_id: input.user_id }))
  })
  checkOldGoldBuyingRatesStep(rows)
  return new WorkflowResponse(createOldGoldBuyingRatesStep(rows))
})
