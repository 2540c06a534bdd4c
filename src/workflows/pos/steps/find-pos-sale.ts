import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DOMAIN_CONFLICT } from "../../../lib/errors"
import { POS_MODULE } from "../../../modules/pos"
import type PosModuleService from "../../../modules/pos/service"

/**
 * The sale an idempotency key was used for: the same request again answers
 * that sale (nothing is sold twice); the key used for a different sale, or
 * for one that never finished, is refused. Reads only.
 */
export const findPosSaleStep = createStep("find-pos-sale", async (input: { idempotency_key: string; fingerprint: string }, { container }) => {
  const [sale] = await container.resolve<PosModuleService>(POS_MODULE).listPosSales({ idempotency_key: input.idempotency_key }, { take: 1 })
  if (!sale) {
    return new StepResponse(null)
  }
  if (sale.fingerprint !== input.fingerprint) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `The idempotency key "${input.idempotency_key}" was used for another sale (${sale.id}); use a new key for a new sale`,
      DOMAIN_CONFLICT
    )
  }
  if (sale.status !== "completed") {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `The sale with idempotency key "${input.idempotency_key}" was interrupted before it finished (${sale.id}); check order and stock, then use a new key`,
      DOMAIN_CONFLICT
    )
  }
  return new StepResponse({ id: sale.id })
})
