import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sheetDesignProblems } from "../../../lib/design-products"
import type { IntakePiece } from "../../../lib/stock-intake"
import { checkIntakeReferences } from "../../jewelry/steps/check-intake-references"

/**
 * The pieces a karigar brings back meet the intake's checks (category, branch, tags and HUIDs new to the shop,
 * a design's product fits): any problem refuses the receipt (400 naming each piece by its place and tag).
 */
export const checkReceiptPiecesStep = createStep("check-receipt-pieces", async (pieces: IntakePiece[], { container }) => {
  const { valid, errors } = await checkIntakeReferences(container, pieces)
  const problems = [...sheetDesignProblems(pieces), ...errors].sort((a, b) => a.row - b.row)
  if (problems.length) {
    const tagAt = (row: number) => pieces.find((p) => p.row === row)?.tag_code
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `pieces: ${problems.map((p) => `piece ${p.row} (${tagAt(p.row)}): ${p.reason}`).join("; ")}; nothing was received`
    )
  }
  return new StepResponse(valid)
})
