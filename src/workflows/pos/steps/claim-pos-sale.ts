import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POS_MODULE } from "../../../modules/pos"
import type PosModuleService from "../../../modules/pos/service"

export type ClaimPosSaleInput = {
  idempotency_key: string
  fingerprint: string
  branch_id: string
  customer_id: string
  user_id: string | null
  note: string | null
  identity: "not_needed" | "pan" | "form_60"
  pan_masked: string | null
  pan_encrypted: string | null
}

/**
 * Claims the idempotency key before the sale writes anything else (a unique
 * index holds it against a second request racing this one); undone by
 * removing the claim, so the key may be used again after a failure. A
 * backup taking its snapshot holds the claim back until it has it
 * (src/lib/backup/sales-gate.ts).
 */
export const claimPosSaleStep = createStep(
  "claim-pos-sale",
  async (input: ClaimPosSaleInput, { container }) => {
    const pos = container.resolve<PosModuleService>(POS_MODULE)
    await pos.waitForBackupGate()
    const sale = await pos.createPosSales({ ...input, status: "processing" })
    return new StepResponse({ id: sale.id }, sale.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<PosModuleService>(POS_MODULE).deletePosSales(id)
    }
  }
)
