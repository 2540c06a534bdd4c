import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { toPieceInput } from "../helpers"
import type { PostJewelryProductBodyType } from "../validators"
import { createJewelryProductsWorkflow } from "../../../../workflows/jewelry"

/**
 * POST /admin/jewelry/products: a product with its variants and their
 * jewelry attributes, each variant priced on creation, all or nothing.
 */
export async function POST(req: MedusaRequest<PostJewelryProductBodyType>, res: MedusaResponse) {
  const { variants, ...product } = req.validatedBody
  const { result } = await createJewelryProductsWorkflow(req.scope).run({
    input: {
      products: [
        {
          ...product,
          variants: variants.map(({ option_value, title, sku, price, ...piece }) => ({
            ...toPieceInput(piece),
            option_value,
            title,
            sku,
            fixed_price_paise: price,
          })),
        },
      ],
    },
  })
  res.status(201).json({ product: result.products[0], jewelry_attributes: result.jewelry_attributes })
}
