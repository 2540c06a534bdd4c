import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { signedMovement, type StockMovementKind } from "../../../lib/old-gold"
import type { Metal } from "../../../lib/pricing"
import { OLD_GOLD_MODULE } from "../../../modules/old-gold"
import type OldGoldModuleService from "../../../modules/old-gold/service"

export type MoveOldGoldStockInput = {
  idempotency_key: string
  branch_id: string
  metal: Metal
  kind: StockMovementKind | "from_karigar"
  /** The weight that goes out (positive), or comes back from a karigar; an adjustment's signed change. */
  fine_mg: number
  reference: string | null
  note: string | null
  user_id: string | null
}

/** Records the movement once per idempotency key (never below an empty stock); a movement this run recorded is withdrawn if a later step fails. */
export const recordOldGoldMovementStep = createStep(
  "record-old-gold-movement",
  async (input: MoveOldGoldStockInput, { container }) => {
    const oldGold: OldGoldModuleService = container.resolve(OLD_GOLD_MODULE)
    const result = await oldGold.moveStock({ ...input, fine_mg: signedMovement(input.kind, input.fine_mg) })
    return new StepResponse(result, result.created ? result.movement.id : null)
  },
  async (movementId, { container }) => {
    if (movementId) {
      await container.resolve<OldGoldModuleService>(OLD_GOLD_MODULE).softDeleteOldGoldMovements([movementId])
    }
  }
)
