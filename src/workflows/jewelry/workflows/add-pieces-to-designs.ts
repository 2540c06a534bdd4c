import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createProductVariantsWorkflow, createRemoteLinkStep, updateProductOptionValuesOnProductStep } from "@medusajs/medusa/core-flows"
import { paiseToAmount } from "../../../lib/money"
import { createJewelryAttributesStep } from "../steps/create-jewelry-attributes"
import { priceNewPiecesStep, type NewPiece } from "../steps/price-new-pieces"
import { validateJewelryAttributesStep } from "../steps/validate-jewelry-attributes"
import { attributeLinks } from "../utils/attribute-links"

export type DesignAddition = {
  product_id: string
  /** The product's options, by id and title. */
  options: { id: string; title: string }[]
  /** New pieces: each a variant with its own SKU, titled, with its value for each option by title. */
  variants: (NewPiece & { title: string; sku: string; options: Record<string, string> })[]
}

/**
 * New pieces joining design products that already exist: each becomes a variant of its design's
 * product, priced on creation, with its jewellery attributes. The product's options gain the new
 * pieces' values first (Medusa makes a variant only from values its product already offers).
 * A failure at any point removes what was made.
 */
export const addPiecesToDesignsWorkflow = createWorkflow("add-pieces-to-designs", (input: { additions: DesignAddition[] }) => {
  const pieces = transform({ input }, ({ input }) => input.additions.flatMap((a) => a.variants))
  validateJewelryAttributesStep(pieces)
  const prices = priceNewPiecesStep(pieces)

  const optionValues = transform({ input }, ({ input }) =>
    input.additions.flatMap((addition) =>
      addition.options.map((option) => ({
        product_id: addition.product_id,
        product_option_id: option.id,
        add: [...new Set(addition.variants.map((v) => v.options[option.title]))].map((value) => ({ value })),
      }))
    )
  )
  updateProductOptionValuesOnProductStep(optionValues)

  const variantData = transform({ input, prices }, ({ input, prices }) => {
    let piece = 0
    return input.additions.flatMap((addition) =>
      addition.variants.map((v) => ({
        product_id: addition.product_id,
        title: v.title,
        sku: v.sku,
        manage_inventory: true,
        options: v.options,
        // Pieces are priced in the order they are listed.
        prices: [{ currency_code: "inr", amount: paiseToAmount(prices[piece++].price_paise) }],
      }))
    )
  })
  const variants = createProductVariantsWorkflow.runAsStep({ input: { product_variants: variantData } })

  const attributes = transform({ pieces, prices, variants }, ({ pieces, prices, variants }) =>
    pieces.map(({ fixed_price_paise: _price, title: _title, sku, options: _options, ...attrs }, i) => ({
      ...attrs,
      variant_id: variants.find((v) => v.sku === sku)!.id,
      breakdown: prices[i].breakdown as Record<string, unknown> | null,
      priced_at: prices[i].breakdown ? new Date() : null,
    }))
  )
  const created = createJewelryAttributesStep(attributes)
  const links = transform({ created, attributes }, ({ created, attributes }) => attributeLinks(created, attributes.map((a) => a.variant_id)))
  createRemoteLinkStep(links)
  return new WorkflowResponse({ variants, jewelry_attributes: created })
})
