import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createMetalRatesStep } from "../steps/create-metal-rates"
import { validateMetalRatesStep } from "../steps/validate-metal-rates"
import type { MetalRateInput, SetMetalRatesInput } from "../utils/metal-rate-input"

export type { MetalRateInput, SetMetalRatesInput }

export const METAL_RATES_SET_EVENT = "jewelry.metal_rates.set"

/**
 * Publishes metal rates (append-only history). Emits jewelry.metal_rates.set
 * so that repricing of rate-based pieces can follow.
 */
export const setMetalRatesWorkflow = createWorkflow("set-metal-rates", (input: SetMetalRatesInput) => {
  validateMetalRatesStep({ rates: input.rates, confirm: input.confirm })
  const rows = transform({ input }, ({ input }) => {
    const effectiveFrom = input.effective_from ?? new Date()
    return input.rates.map((rate) => ({
      metal: rate.metal,
      purity: rate.purity,
      rate_per_g_paise: rate.rate_per_g_paise,
      branch_id: rate.branch_id ?? null,
      effective_from: effectiveFrom,
      source: input.source ?? "manual",
      set_by: input.set_by ?? null,
      note: input.note ?? null,
      idempotency_key: input.idempotency_key ?? null,
    }))
  })
  const created = createMetalRatesStep(rows)
  const eventData = transform({ created }, ({ created }) => ({ ids: created.map((rate) => rate.id) }))
  emitEventStep({ eventName: METAL_RATES_SET_EVENT, data: eventData })
  return new WorkflowResponse(created)
})
