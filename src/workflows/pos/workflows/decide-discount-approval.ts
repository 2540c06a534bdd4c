import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { decideDiscountApprovalStep, type DecideDiscountApprovalInput } from "../steps/decide-discount-approval"

/** A manager (or the owner) approves or rejects a seller's discount request; the decision is audited. */
export const decideDiscountApprovalWorkflow = createWorkflow("decide-discount-approval", (input: DecideDiscountApprovalInput & { branch_id: string }) => {
  const decided = decideDiscountApprovalStep(input)
  recordAuditStep({
    entries: transform({ input }, ({ input }) => [
      { actor_type: "user", actor_id: input.user_id, action: `pos.discount_${input.status}`, entity: "pos_approval", entity_id: input.id, branch_id: input.branch_id, metadata: { note: input.note } },
    ]),
  })
  return new WorkflowResponse(decided)
})
