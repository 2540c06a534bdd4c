import type { LinkDefinition } from "@medusajs/framework/types"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createProductsWorkflow, createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { paiseToAmount } from "../../../lib/money"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import { createJewelryAttributesStep } from "../steps/create-jewelry-attributes"
import { validateJewelryAttributesStep } from "../steps/validate-jewelry-attributes"
import { priceNewPiecesStep, type NewPiece } from "../steps/price-new-pieces"
import { productDefaultsStep } from "../steps/product-defaults"

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
 * Products with their variants and the variants' jewelry attributes in one
 * go, each variant priced on creation. A failure at any point removes what
 * was made.
 */
export const createJewelryProductsWorkflow = createWorkflow(
  "create-jewelry-products",
  (input: { products: CreateJewelryProductInput[] }) => {
    const pieces = transform({ input }, ({ input }) => input.products.flatMap((p) => p.variants))
    validateJewelryAttributesStep(pieces)
    const prices = priceNewPiecesStep(pieces)
    const defaults = productDefaultsStep()

    const productData = transform({ input, prices, defaults }, ({ input, prices, defaults }) => {
      let piece = 0
      return input.products.map((product) => {
        const optionTitle = product.option_title ?? "Size"
        return {
          title: product.title,
          handle: product.handle,
          description: product.description,
          status: product.status === "draft" ? ProductStatus.DRAFT : ProductStatus.PUBLISHED,
          category_ids: product.category_ids,
          shipping_profile_id: defaults.shipping_profile_id ?? undefined,
          sales_channels: (product.sales_channel_ids ?? defaults.sales_channel_ids).map((id) => ({ id })),
          options: [{ title: optionTitle, values: product.variants.map((v) => v.option_value) }],
          variants: product.variants.map((v) => ({
            title: variantTitle(product.title, v),
            sku: v.sku,
            manage_inventory: true,
            options: { [optionTitle]: v.option_value },
            // Pieces are priced in the order they are listed.
            prices: [{ currency_code: "inr", amount: paiseToAmount(prices[piece++].price_paise) }],
          })),
        }
      })
    })
    const products = createProductsWorkflow.runAsStep({ input: { products: productData } })

    const attributes = transform({ input, prices, products }, ({ input, prices, products }) => {
      let piece = 0
      return input.products.flatMap((product, p) =>
        product.variants.map(({ fixed_price_paise: _price, title, sku: _sku, option_value, ...attrs }) => {
          const priced = prices[piece++]
          const variant = (products[p].variants ?? []).find((v) => v.title === variantTitle(product.title, { title, option_value }))
          return {
            ...attrs,
            variant_id: variant!.id,
            breakdown: priced.breakdown as Record<string, unknown> | null,
            priced_at: priced.breakdown ? new Date() : null,
          }
        })
      )
    })
    const created = createJewelryAttributesStep(attributes)
    const links = transform({ created, attributes }, ({ created, attributes }): LinkDefinition[] =>
      created.map((record, i) => ({
        [Modules.PRODUCT]: { product_variant_id: attributes[i].variant_id },
        [JEWELRY_MODULE]: { jewelry_attributes_id: record.id },
      }))
    )
    createRemoteLinkStep(links)

    return new WorkflowResponse({ products, jewelry_attributes: created })
  }
)
