import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { beyondLimits, type PriceLimits, type RateChange } from "../../../lib/price-controls"
import { POS_MODULE } from "../../../modules/pos"
import type PosModuleService from "../../../modules/pos/service"

export type DecideDiscountApprovalInput = { id: string; status: "approved" | "rejected"; user_id: string; approver_limits: PriceLimits; note: string | null }

/**
 * Approves or rejects a pending request: never one's own, and an approval only by someone whose own limits
 * cover the whole request. Undone by putting the request back to pending.
 */
export const decideDiscountApprovalStep = createStep(
  "decide-discount-approval",
  async (input: DecideDiscountApprovalInput, { container }) => {
    const pos = container.resolve<PosModuleService>(POS_MODULE)
    const [request] = await pos.listPosApprovals({ id: input.id }, { take: 1 })
    if (!request) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Approval "${input.id}" was not found`)
    }
    if (request.requested_by === input.user_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "A request is decided by someone other than the seller who made it")
    }
    if (input.status === "approved") {
      const beyond = beyondLimits(
        {
          making_discount_paise: Number(request.making_discount_paise),
          making_discount_bps: request.making_discount_bps,
          bill_discount_paise: Number(request.bill_discount_paise),
          rate_changes: ((request.request as { rate_changes?: RateChange[] }).rate_changes ?? []),
        },
        input.approver_limits
      )
      if (beyond.length) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This request is beyond your own limits too: ${beyond.join("; ")}. The owner may approve it`)
      }
    }
    const decided = await pos.decideApproval(input)
    return new StepResponse(decided, decided.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<PosModuleService>(POS_MODULE).reopenApproval(id)
    }
  }
)
