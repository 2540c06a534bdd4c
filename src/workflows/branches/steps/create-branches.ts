import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BRANCH_MODULE } from "../../../modules/branch"
import type BranchModuleService from "../../../modules/branch/service"

export type BranchInput = {
  code: string
  name: string
  gstin?: string | null
  state_code: string
  state_name: string
  address_1: string
  address_2?: string | null
  city: string
  postal_code: string
  phone?: string | null
  email?: string | null
  stock_location_id: string
  sales_channel_id: string
}

export const createBranchesStep = createStep(
  "create-branches",
  async (input: BranchInput[], { container }) => {
    const service: BranchModuleService = container.resolve(BRANCH_MODULE)
    const branches = await service.createBranches(
      input.map(({ stock_location_id: _location, sales_channel_id: _channel, ...branch }) => branch)
    )
    return new StepResponse(
      branches,
      branches.map((branch) => branch.id)
    )
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) {
      return
    }
    const service: BranchModuleService = container.resolve(BRANCH_MODULE)
    await service.deleteBranches(createdIds)
  }
)
