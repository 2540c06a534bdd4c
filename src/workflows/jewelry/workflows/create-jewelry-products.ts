import { ProductStatus } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createProductsWorkflow, createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { paiseToAmount } from "../../../lib/money"
import { createJewelryAttributesStep } from "../steps/create-jewelry-attributes"
import { validateJewelryAttributesStep } from "../steps/validate-jewelry-attributes"
import { priceNewPiecesStep, type NewPiece } from "../steps/price-new-pieces"
import { productDefaultsStep } from "../steps/product-defaults"
import { attributeLinks } from "../utils/attribute-links"

type NewVariant = NewPiece & {
  title?: string
  sku?: string
  /** The variant's value of the product's one option (option_title). */
  option_value?: string
  /** Or its values of the product's options (option_titles), by title. */
  options?: Record<string, string>
}

/** The variant's value for each of the product's options. */
const variantOptions = (optionTitle: string, v: NewVariant): Record<string, string> => v.options ?? { [optionTitle]: v.option_value ?? "" }

/** Variant titles are unique within a product: they tie each created variant back to its piece. */
const variantTitle = (productTitle: string, optionTitle: string, v: NewVariant) =>
  v.title ?? `${productTitle} – ${Object.values(variantOptions(optionTitle, v)).join(" – ")}`

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
  /** Titles of the options, when the variants differ by more than one (a design's size and piece). */
  option_titles?: string[]
  variants: NewVariant[]
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
        const optionTitles = product.option_titles ?? [optionTitle]
        return {
          title: product.title,
          handle: product.handle,
          description: product.description,
          status: product.status === "draft" ? ProductStatus.DRAFT : ProductStatus.PUBLISHED,
          category_ids: product.category_ids,
          shipping_profile_id: defaults.shipping_profile_id ?? undefined,
          sales_channels: (product.sales_channel_ids ?? defaults.sales_channel_ids).map((id) => ({ id })),
          options: optionTitles.map((title) => ({
            title,
            values: [...new Set(product.variants.map((v) => variantOptions(optionTitle, v)[title]))],
          })),
          variants: product.variants.map((v) => ({
            title: variantTitle(product.title, optionTitle, v),
            sku: v.sku,
            manage_inventory: true,
            options: variantOptions(optionTitle, v),
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
        product.variants.map((newVariant) => {
          const { fixed_price_paise: _price, title: _title, sku: _sku, option_value: _value, options: _options, ...attrs } = newVariant
          const priced = prices[piece++]
          const title = variantTitle(product.title, product.option_title ?? "Size", newVariant)
          const variant = (products[p].variants ?? []).find((v) => v.title === title)
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
    const links = transform({ created, attributes }, ({ created, attributes }) => attributeLinks(created, attributes.map((a) => a.variant_id)))
    createRemoteLinkStep(links)

    return new WorkflowResponse({ products, jewelry_attributes: created })
  }
)
