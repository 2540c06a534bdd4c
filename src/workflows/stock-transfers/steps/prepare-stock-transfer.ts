import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MAX_TRANSFER_LINES } from "../../../lib/stock-transfer"
import { normalTag, repeatedTags } from "../../../lib/stock-moves"
import type { CreateTransferInput } from "../../../modules/stock-transfer/service"
import { findPiecesByTag } from "../../stock/utils/find-pieces"
import { stockBranch, type StockBranch } from "../../stock/utils/branch-stock"

export type DispatchStockTransferInput = {
  from_branch_id: string
  to_branch_id: string
  pieces: { tag_code: string; quantity?: number }[]
  carrier: string | null
  note: string | null
  user_id: string | null
  idempotency_key: string | null
}

export type PreparedTransfer = { transfer: CreateTransferInput; from: StockBranch; to: StockBranch }

/**
 * What a transfer note needs, read and checked before anything is written: two different branches with stock
 * locations, and every tag a known piece, listed once. Reads only; whether the pieces are free to go is decided
 * under the inventory lock when they are taken out of stock.
 */
export const prepareStockTransferStep = createStep("prepare-stock-transfer", async (input: DispatchStockTransferInput, { container }) => {
  if (input.from_branch_id === input.to_branch_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A transfer goes from one branch to another; the two branches are the same")
  }
  if (!input.pieces.length || input.pieces.length > MAX_TRANSFER_LINES) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `A transfer note lists 1 to ${MAX_TRANSFER_LINES} tags, got ${input.pieces.length}`)
  }
  const repeated = repeatedTags(input.pieces.map((p) => p.tag_code))
  if (repeated.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Listed more than once: ${repeated.join(", ")}; give a tag once with its quantity`)
  }
  const from = await stockBranch(container, input.from_branch_id)
  const to = await stockBranch(container, input.to_branch_id)
  const found = await findPiecesByTag(container, input.pieces.map((p) => p.tag_code))
  const byTag = new Map(found.map((p) => [normalTag(p.tag_code), p]))
  const unknown = input.pieces.filter((p) => !byTag.has(normalTag(p.tag_code))).map((p) => p.tag_code.trim())
  if (unknown.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `No piece has the tag ${unknown.join(", ")}`)
  }
  const transfer: CreateTransferInput = {
    from_branch_id: from.id,
    from_branch_code: from.code,
    to_branch_id: to.id,
    from_location_id: from.location_id,
    to_location_id: to.location_id,
    carrier: input.carrier,
    note: input.note,
    user_id: input.user_id,
    idempotency_key: input.idempotency_key,
    lines: input.pieces.map((p) => ({ ...byTag.get(normalTag(p.tag_code))!, quantity: p.quantity ?? 1 })),
  }
  return new StepResponse<PreparedTransfer>({ transfer, from, to })
})
