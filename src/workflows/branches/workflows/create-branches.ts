import type { LinkDefinition } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { BRANCH_MODULE } from "../../../modules/branch"
import { createBranchesStep, type BranchInput } from "../steps/create-branches"
import { validateBranchesStep } from "../steps/validate-branches"

export type CreateBranchesInput = { branches: BranchInput[] }

/**
 * Creates branch records and links each to its stock location and sales
 * channel. Every step compensates, so a failure leaves nothing half-made.
 */
export const createBranchesWorkflow = createWorkflow(
  "create-branches",
  (input: CreateBranchesInput) => {
    validateBranchesStep(input.branches)
    const branches = createBranchesStep(input.branches)

    const links = transform({ branches, input }, ({ branches, input }): LinkDefinition[] =>
      branches.flatMap((branch, i): LinkDefinition[] => [
        {
          [BRANCH_MODULE]: { branch_id: branch.id },
          [Modules.STOCK_LOCATION]: { stock_location_id: input.branches[i].stock_location_id },
        },
        {
          [BRANCH_MODULE]: { branch_id: branch.id },
          [Modules.SALES_CHANNEL]: { sales_channel_id: input.branches[i].sales_channel_id },
        },
      ])
    )
    createRemoteLinkStep(links)

    return new WorkflowResponse(branches)
  }
)
