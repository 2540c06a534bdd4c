import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DOMAIN_CONFLICT } from "../../../lib/errors"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"
import type { CreateCustomerWithProfileInput } from "../workflows/create-customer-with-profile"

export const MAX_CUSTOMER_BATCH = 1000

/**
 * A batch is imported whole or not at all: every phone must be unique within
 * the batch and not yet belong to another customer.
 */
export const checkCustomerBatchStep = createStep(
  "check-customer-batch",
  async (rows: CreateCustomerWithProfileInput[], { container }) => {
    if (rows.length > MAX_CUSTOMER_BATCH) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `At most ${MAX_CUSTOMER_BATCH} customers per batch, got ${rows.length}`)
    }
    const phones = rows.map((r) => r.profile.phone).filter((p): p is string => !!p)
    const seen = new Set<string>()
    const repeated = phones.filter((p) => (seen.has(p) ? true : (seen.add(p), false)))
    if (repeated.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Phone numbers repeated in the batch: ${[...new Set(repeated)].slice(0, 10).join(", ")}`)
    }
    if (phones.length) {
      const taken = await container.resolve<CrmModuleService>(CRM_MODULE).listCustomerProfiles({ phone: phones }, { select: ["phone"] })
      if (taken.length) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `Phone numbers already on file: ${taken.slice(0, 10).map((p) => p.phone).join(", ")}`,
          DOMAIN_CONFLICT
        )
      }
    }
    return new StepResponse(rows.length)
  }
)
