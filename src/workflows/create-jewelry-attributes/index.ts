import type { LinkDefinition } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import type { Metal, StoneLine } from "../../lib/pricing"
import { JEWELRY_MODULE } from "../../modules/jewelry"
import { createJewelryAttributesStep } from "./steps/create-jewelry-attributes"
import { validateJewelryAttributesStep } from "./steps/validate-jewelry-attributes"

/** Integers throughout: mg, milli-carats, paise, basis points. */
export type JewelryAttributesInput = {
  variant_id: string
  metal: Metal
  purity: number
  gross_weight_mg: number
  net_weight_mg: number
  stone_weight_mg?: number
  stones?: (StoneLine & { shape?: string; clarity?: string; colour?: string })[]
  making_type: "per_gram" | "percent" | "flat"
  making_value: number
  wastage_bp?: number
  other_charges_paise?: number
  hsn?: string
  huid?: string | null
  hallmark_date?: Date | null
  tag_code: string
  design_code?: string | null
  size?: string | null
  gender?: "women" | "men" | "unisex" | "kids" | null
  occasion?: string | null
  collection?: string | null
  pricing_mode?: "rate_based" | "fixed"
}

/** Records pieces' jewelry attributes and links each to its variant; compensated on failure. */
export const createJewelryAttributesWorkflow = createWorkflow(
  "create-jewelry-attributes",
  (input: { items: JewelryAttributesInput[] }) => {
    validateJewelryAttributesStep(input.items)
    const created = createJewelryAttributesStep(input.items)
    const links = transform({ created, input }, ({ created, input }): LinkDefinition[] =>
      created.map((attributes, i) => ({
        [Modules.PRODUCT]: { product_variant_id: input.items[i].variant_id },
        [JEWELRY_MODULE]: { jewelry_attributes_id: attributes.id },
      }))
    )
    createRemoteLinkStep(links)
    return new WorkflowResponse(created)
  }
)
