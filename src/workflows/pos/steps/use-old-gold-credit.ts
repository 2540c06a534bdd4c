import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OLD_GOLD_MODULE } from "../../../modules/old-gold"
import type OldGoldModuleService from "../../../modules/old-gold/service"

export type UseOldGoldCreditInput = { customer_id: string; tenders: { kind: string; amount_paise: number; reference?: string | null }[] }

/**
 * Old gold pays for a sale only through an exchange voucher (src/workflows/old-gold): each old-gold tender
 * names its voucher's number and takes that much of the voucher's credit, so the same old gold cannot pay
 * twice. Undone by giving the credit back.
 */
export const useOldGoldCreditStep = createStep(
  "use-old-gold-credit",
  async (input: UseOldGoldCreditInput, { container }) => {
    const oldGold: OldGoldModuleService = container.resolve(OLD_GOLD_MODULE)
    const used: { voucher_id: string; amount_paise: number }[] = []
    try {
      for (const tender of input.tenders.filter((t) => t.kind === "old_gold")) {
        const { voucher_id } = await oldGold.useSaleCredit({ number: (tender.reference ?? "").trim().toUpperCase(), customer_id: input.customer_id, amount_paise: tender.amount_paise })
        used.push({ voucher_id, amount_paise: tender.amount_paise })
      }
    } catch (err) {
      for (const u of used) {
        await oldGold.releaseSaleCredit(u)
      }
      throw err
    }
    return new StepResponse(used, used)
  },
  async (used, { container }) => {
    const oldGold: OldGoldModuleService = container.resolve(OLD_GOLD_MODULE)
    for (const u of used ?? []) {
      await oldGold.releaseSaleCredit(u)
    }
  }
)
