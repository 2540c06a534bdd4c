import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkGstin, GST_STATE_CODES } from "../../../lib/gstin"
import { BRANCH_MODULE } from "../../../modules/branch"
import type BranchModuleService from "../../../modules/branch/service"
import type { BranchInput } from "./create-branches"

/**
 * Rejects branches whose code is taken or whose GST details do not agree:
 * the GSTIN must be well formed and issued in the branch's own state.
 */
export const validateBranchesStep = createStep(
  "validate-branches",
  async (input: BranchInput[], { container }) => {
    const problems: string[] = []
    const codes = input.map((b) => b.code)
    if (new Set(codes).size !== codes.length) {
      problems.push("Branch codes must be unique within one request")
    }
    for (const branch of input) {
      if (!GST_STATE_CODES[branch.state_code]) {
        problems.push(`${branch.code}: unknown GST state code "${branch.state_code}"`)
      }
      if (branch.gstin) {
        const check = checkGstin(branch.gstin)
        if (!check.valid) {
          problems.push(`${branch.code}: GSTIN ${branch.gstin} is invalid. ${check.reason}`)
        } else if (check.stateCode !== branch.state_code) {
          problems.push(
            `${branch.code}: GSTIN ${branch.gstin} belongs to state ${check.stateCode}, not ${branch.state_code}`
          )
        }
      }
    }
    const service: BranchModuleService = container.resolve(BRANCH_MODULE)
    const taken = await service.listBranches({ code: codes }, { select: ["code"] })
    for (const branch of taken) {
      problems.push(`A branch with code ${branch.code} already exists`)
    }
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
    }
    return new StepResponse(undefined)
  }
)
