import type { LinkDefinition } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type { JewelryAttributesInput } from "../utils/attributes-input"
import { createJewelryAttributesStep } from "../steps/create-jewelry-attributes"
import { validateJewelryAttributesStep } from "../steps/validate-jewelry-attributes"

export type { JewelryAttributesInput }

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
