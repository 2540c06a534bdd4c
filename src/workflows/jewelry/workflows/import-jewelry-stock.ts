import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { KARATS } from "../../../lib/pricing"
import { createJewelryProductsWorkflow } from "./create-jewelry-products"
import type { CheckedPiece } from "../steps/check-intake-references"
import { stockNewPiecesStep } from "../steps/stock-new-pieces"
import { recordPieceCostsStep } from "../steps/record-piece-costs"

/**
 * Imports checked pieces: a product with one variant per piece (priced on
 * creation), then its stock at its branch and what it cost, where the sheet
 * says. All or nothing.
 */
export const importJewelryStockWorkflow = createWorkflow("import-jewelry-stock", (input: { pieces: CheckedPiece[] }) => {
  const products = transform({ input }, ({ input }) =>
    input.pieces.map((piece) => {
      const grade = piece.metal === "gold" ? KARATS[piece.purity] ?? String(piece.purity) : String(piece.purity)
      const { row: _row, category: _category, branch: _branch, quantity: _quantity, title, category_id, location_id: _location, cost_paise: _cost, ...attrs } = piece
      return {
        title: title ?? `${piece.category.replace(/-/g, " ")} ${grade} ${piece.metal} ${piece.tag_code}`,
        handle: `tag-${piece.tag_code.toLowerCase()}`,
        category_ids: [category_id],
        option_title: "Piece",
        variants: [{ ...attrs, option_value: piece.tag_code, sku: piece.tag_code }],
      }
    })
  )
  createJewelryProductsWorkflow.runAsStep({ input: { products } })
  const stock = transform({ input }, ({ input }) =>
    input.pieces.map((p) => ({ sku: p.tag_code, location_id: p.location_id, quantity: p.quantity }))
  )
  const stocked = stockNewPiecesStep(stock)
  const costs = transform({ input }, ({ input }) =>
    input.pieces.filter((p) => p.cost_paise !== undefined).map((p) => ({ sku: p.tag_code, cost_paise: p.cost_paise! }))
  )
  recordPieceCostsStep(costs)
  return new WorkflowResponse({ imported: transform({ input }, ({ input }) => input.pieces.length), stock_levels: stocked })
})
