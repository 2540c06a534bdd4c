import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatInr } from "../../../lib/money"
import { POS_MODULE } from "../../../modules/pos"
import type PosModuleService from "../../../modules/pos/service"
import { ratesInForce } from "../utils/estimate-rates"

export type UseEstimateInput = { estimate_id: string | null; sale_id: string; branch_id: string; customer_id: string; total_paise: number }

/**
 * A sale made from an estimate keeps its prices: the estimate's branch and customer, the rates it was priced at
 * still in force, and the same total; then it is marked converted by this sale (once). Undone by giving it back.
 */
export const useEstimateStep = createStep(
  "use-estimate",
  async (input: UseEstimateInput, { container }) => {
    if (!input.estimate_id) {
      return new StepResponse(null, null)
    }
    const pos = container.resolve<PosModuleService>(POS_MODULE)
    const [estimate] = await pos.listPosEstimates({ id: input.estimate_id }, { take: 1 })
    const refuse = (why: string): never => {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `estimate_id: ${why}`)
    }
    if (!estimate || estimate.branch_id !== input.branch_id || estimate.customer_id !== input.customer_id) {
      refuse("no such estimate for this customer at this branch")
    }
    if ((await ratesInForce(container, input.branch_id)).key !== estimate.rates_key) {
      refuse(`the rates changed since estimate ${estimate.number} was made; make a new estimate`)
    }
    if (Number(estimate.total_paise) !== input.total_paise) {
      refuse(`estimate ${estimate.number} came to ${formatInr(Number(estimate.total_paise))}, this bill to ${formatInr(input.total_paise)}: sell the pieces and discounts it holds`)
    }
    await pos.useEstimate({ id: estimate.id, sale_id: input.sale_id })
    return new StepResponse({ id: estimate.id }, { id: estimate.id, sale_id: input.sale_id })
  },
  async (used, { container }) => {
    if (used) {
      await container.resolve<PosModuleService>(POS_MODULE).releaseEstimate(used)
    }
  }
)
