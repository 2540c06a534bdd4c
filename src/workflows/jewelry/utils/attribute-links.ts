import type { LinkDefinition } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { JEWELRY_MODULE } from "../../../modules/jewelry"

/** The links tying each new attributes record to its variant, in the order both were made. */
export const attributeLinks = (created: { id: string }[], variantIds: string[]): LinkDefinition[] =>
  created.map((record, i) => ({
    [Modules.PRODUCT]: { product_variant_id: variantIds[i] },
    [JEWELRY_MODULE]: { jewelry_attributes_id: record.id },
  }))
