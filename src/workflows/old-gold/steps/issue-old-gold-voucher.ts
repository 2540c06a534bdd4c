import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OLD_GOLD_MODULE } from "../../../modules/old-gold"
import type OldGoldModuleService from "../../../modules/old-gold/service"
import type { IssueVoucherInput } from "../../../modules/old-gold/service"

/** Issues the voucher (once per idempotency key); a voucher this run created is withdrawn if a later step fails. */
export const issueOldGoldVoucherStep = createStep(
  "issue-old-gold-voucher",
  async (input: IssueVoucherInput, { container }) => {
    const oldGold: OldGoldModuleService = container.resolve(OLD_GOLD_MODULE)
    const result = await oldGold.issueVoucher(input)
    return new StepResponse(result, result.created ? result.voucher.id : null)
  },
  async (voucherId, { container }) => {
    if (!voucherId) {
      return
    }
    const oldGold: OldGoldModuleService = container.resolve(OLD_GOLD_MODULE)
    const movements = await oldGold.listOldGoldMovements({ voucher_id: voucherId })
    await oldGold.softDeleteOldGoldMovements(movements.map((m) => m.id))
    await oldGold.softDeleteOldGoldVouchers([voucherId])
  }
)
