import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { savePriceLimitsStep, type SavePriceLimitsInput } from "../steps/save-price-limits"

/** The owner sets what branch managers and sales staff may take off a bill without approval; audited. */
export const setPriceLimitsWorkflow = createWorkflow("set-price-limits", (input: SavePriceLimitsInput) => {
  const saved = savePriceLimitsStep(input)
  recordAuditStep({
    entries: transform({ input }, ({ input }) => [
      { actor_type: "user", actor_id: input.user_id, action: "pos.price_limits_set", entity: "pos_price_limit", entity_id: input.limits.map((l) => l.role).join(","), metadata: { limits: input.limits } },
    ]),
  })
  return new WorkflowResponse(saved)
})
