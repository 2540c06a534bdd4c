import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import JewelryModule from "../modules/jewelry"

/** A variant that is a piece of jewellery has exactly one attributes record. */
export default defineLink(ProductModule.linkable.productVariant, {
  linkable: JewelryModule.linkable.jewelryAttributes,
  deleteCascade: true,
})
