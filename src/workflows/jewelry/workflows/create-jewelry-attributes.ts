import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import type { JewelryAttributesInput } from "../utils/attributes-input"
import { createJewelryAttributesStep } from "../steps/create-jewelry-attributes"
import { validateJewelryAttributesStep } from "../steps/validate-jewelry-attributes"
import { attributeLinks } from "../utils/attribute-links"

export type { JewelryAttributesInput }

/** Records pieces' jewelry attributes and links each to its variant; compensated on failure. */
export const createJewelryAttributesWorkflow = createWorkflow(
  "create-jewelry-attributes",
  (input: { items: JewelryAttributesInput[] }) => {
    validateJewelryAttributesStep(input.items)
    const created = createJewelryAttributesStep(input.items)
    const links = transform({ created, input }, ({ created, input }) => attributeLinks(created, input.items.map((i) => i.variant_id)))
    createRemoteLinkStep(links)
    return new WorkflowResponse(created)
  }
)
