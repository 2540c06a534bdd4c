import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DOMAIN_CONFLICT } from "../../../lib/errors"
import { STOCK_TRANSFER_MODULE } from "../../../modules/stock-transfer"
import type StockTransferModuleService from "../../../modules/stock-transfer/service"
import type { TransferRow } from "../../../modules/stock-transfer/service"
import { stockBranch, type StockBranch } from "../../stock/utils/branch-stock"

export type ReceivingCheck = { transfer: TransferRow; to: StockBranch }

/**
 * A transfer is received only at the branch it goes to: a scan or a close from any other branch is refused
 * with where the pieces should be (409), before anything is written. Reads only.
 */
export const checkReceivingBranchStep = createStep("check-receiving-branch", async (input: { transfer_id: string; branch_id: string }, { container }) => {
  const transfer = await container.resolve<StockTransferModuleService>(STOCK_TRANSFER_MODULE).transferById(input.transfer_id)
  const to = await stockBranch(container, transfer.to_branch_id)
  if (input.branch_id !== transfer.to_branch_id) {
    const here = await stockBranch(container, input.branch_id).catch(() => null)
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Transfer ${transfer.number} goes to ${to.name}; it is received there, not at ${here?.name ?? `branch "${input.branch_id}"`}`,
      DOMAIN_CONFLICT
    )
  }
  return new StepResponse<ReceivingCheck>({ transfer, to })
})
