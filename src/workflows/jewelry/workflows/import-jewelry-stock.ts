import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { designHandle, designOptionTitles, designOptionValues, pieceVariantTitle } from "../../../lib/design-products"
import { KARATS } from "../../../lib/pricing"
import { createJewelryProductsWorkflow, type CreateJewelryProductInput } from "./create-jewelry-products"
import { addPiecesToDesignsWorkflow, type DesignAddition } from "./add-pieces-to-designs"
import type { CheckedPiece } from "../steps/check-intake-references"
import { stockNewPiecesStep } from "../steps/stock-new-pieces"
import { recordPieceCostsStep } from "../steps/record-piece-costs"

const gradeOf = (piece: CheckedPiece) => (piece.metal === "gold" ? KARATS[piece.purity] ?? String(piece.purity) : String(piece.purity))

/** A piece's attributes, as its variant is made with them. */
function attributesOf(piece: CheckedPiece) {
  const { row: _row, category: _category, branch: _branch, quantity: _quantity, title: _title, category_id: _categoryId, location_id: _location, cost_paise: _cost, design_product: _design, ...attrs } =
    piece
  return attrs
}

/**
 * The products the sheet makes: a piece without a design code is a product of its own; the pieces of a
 * design new to the catalogue are one design product, a variant each (design-products.ts).
 */
function newProducts(pieces: CheckedPiece[]): CreateJewelryProductInput[] {
  const designs = new Map<string, CheckedPiece[]>()
  const products: CreateJewelryProductInput[] = []
  for (const piece of pieces) {
    if (piece.design_product) {
      continue
    }
    if (!piece.design_code) {
      products.push({
        title: piece.title ?? `${piece.category.replace(/-/g, " ")} ${gradeOf(piece)} ${piece.metal} ${piece.tag_code}`,
        handle: `tag-${piece.tag_code.toLowerCase()}`,
        category_ids: [piece.category_id],
        option_title: "Piece",
        variants: [{ ...attributesOf(piece), option_value: piece.tag_code, sku: piece.tag_code }],
      })
      continue
    }
    designs.set(piece.design_code, [...(designs.get(piece.design_code) ?? []), piece])
  }
  for (const [code, design] of designs) {
    const [first] = design
    const optionTitles = designOptionTitles(design)
    products.push({
      title: design.find((p) => p.title)?.title ?? `${first.category.replace(/-/g, " ")} ${gradeOf(first)} ${first.metal} ${code}`,
      handle: designHandle(code),
      category_ids: [first.category_id],
      option_titles: optionTitles,
      variants: design.map((piece) => ({
        ...attributesOf(piece),
        title: pieceVariantTitle(piece),
        sku: piece.tag_code,
        options: designOptionValues(optionTitles, piece),
      })),
    })
  }
  return products
}

/** The pieces joining design products already in the catalogue, by product. */
function additions(pieces: CheckedPiece[]): DesignAddition[] {
  const byProduct = new Map<string, DesignAddition>()
  for (const piece of pieces) {
    const design = piece.design_product
    if (!design) {
      continue
    }
    const addition = byProduct.get(design.product_id) ?? { product_id: design.product_id, options: design.options, variants: [] }
    addition.variants.push({
      ...attributesOf(piece),
      title: pieceVariantTitle(piece),
      sku: piece.tag_code,
      options: designOptionValues(
        design.options.map((o) => o.title),
        piece
      ),
    })
    byProduct.set(design.product_id, addition)
  }
  return [...byProduct.values()]
}

/**
 * Imports checked pieces, a variant each (priced on creation): a piece of a design joins its design's
 * product, made on the design's first pieces; a piece without a design is a product of its own. Then
 * each piece's stock at its branch and what it cost, where the sheet says. All or nothing.
 */
export const importJewelryStockWorkflow = createWorkflow("import-jewelry-stock", (input: { pieces: CheckedPiece[] }) => {
  const products = transform({ input }, ({ input }) => newProducts(input.pieces))
  when("import-jewelry-stock-new-products", products, (products) => products.length > 0).then(() => {
    createJewelryProductsWorkflow.runAsStep({ input: { products } })
  })
  const joining = transform({ input }, ({ input }) => additions(input.pieces))
  when("import-jewelry-stock-design-additions", joining, (joining) => joining.length > 0).then(() => {
    addPiecesToDesignsWorkflow.runAsStep({ input: { additions: joining } })
  })
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
