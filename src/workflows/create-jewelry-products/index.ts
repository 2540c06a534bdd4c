import type { LinkDefinition } from "@medusajs/framework/types"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createProductsWorkflow, createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { paiseToAmount } from "../../lib/money"
import { JEWELRY_MODULE } from "../../modules/jewelry"
import { createJewelryAttributesStep } from "../create-jewelry-attributes/steps/create-jewelry-attributes"
import { validateJewelryAttributesStep } from "../create-jewelry-attributes/steps/validate-jewelry-attributes"
import { priceNewPiecesStep, type NewPiece } from "./steps/price-new-pieces"
import { productDefaultsStep } from "./steps/product-defaults"

/** Variant titles are unique within a product: they tie each created variant back to its piece. */
const variantTitle = (productTitle: string, v: { title?: string; option_value: string }) =>
  v.title ?? `${productTitle} – ${v.option_value}`

export type CreateJewelryProductInput = {
  title: string
  handle?: string
  description?: string
  category_ids?: string[]
  status?: "draft" | "published"
  /** Defaults to every active branch's sales channel. */
  sales_channel_ids?: string[]
  /** Title of the option the variants differ by (default "Size"). */
  option_title?: string
  variants: (NewPiece & { title?: string; sku?: string; option_value: string })[]
}

/**
 * A product with its variants and their jewelry attributes in one go, each
 * variant priced on creation. A failure at any point removes what was made.
 */
export const createJewelryProductWorkflow = createWorkflow(
  "create-jewelry-product",
  (input: CreateJewelryProductInput) => {
    validateJewelryAttributesStep(input.variants)
    const prices = priceNewPiecesStep(input.variants)
    const defaults = productDefaultsStep()

    const productData = transform({ input, prices, defaults }, ({ input, prices, defaults }) => {
      const optionTitle = input.option_title ?? "Size"
      return [
        {
          title: input.title,
          handle: input.handle,
          description: input.description,
          status: input.status === "draft" ? ProductStatus.DRAFT : ProductStatus.PUBLISHED,
          category_ids: input.category_ids,
          shipping_profile_id: defaults.shipping_profile_id ?? undefined,
          sales_channels: (input.sales_channel_ids ?? defaults.sales_channel_ids).map((id) => ({ id })),
          options: [{ title: optionTitle, values: input.variants.map((v) => v.option_value) }],
          variants: input.variants.map((v, i) => ({
            // Listed in the order of the pieces; prices[i] belongs to variants[i].
            title: variantTitle(input.title, v),
            sku: v.sku,
            manage_inventory: true,
            options: { [optionTitle]: v.option_value },
            prices: [{ currency_code: "inr", amount: paiseToAmount(prices[i].price_paise) }],
          })),
        },
      ]
    })
    const products = createProductsWorkflow.runAsStep({ input: { products: productData } })

    const attributes = transform({ input, prices, products }, ({ input, prices, products }) => {
      const variants = products[0].variants ?? []
      return input.variants.map(({ fixed_price_paise: _price, title, sku: _sku, option_value, ...piece }, i) => ({
        ...piece,
        variant_id: variants.find((v) => v.title === variantTitle(input.title, { title, option_value }))!.id,
        breakdown: prices[i].breakdown as Record<string, unknown> | null,
        priced_at: prices[i].breakdown ? new Date() : null,
      }))
    })
    const created = createJewelryAttributesStep(attributes)
    const links = transform({ created, attributes }, ({ created, attributes }): LinkDefinition[] =>
      created.map((record, i) => ({
        [Modules.PRODUCT]: { product_variant_id: attributes[i].variant_id },
        [JEWELRY_MODULE]: { jewelry_attributes_id: record.id },
      }))
    )
    createRemoteLinkStep(links)

    return new WorkflowResponse({ product: products[0], jewelry_attributes: created })
  }
)
